#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
# This is the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)   # Debian's Chromium, for the browser tests
command -v npm >/dev/null || need+=(npm)       # the test OIDC provider
# PostgreSQL + PostGIS for the shared-store tests: the suite runs its own private cluster
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=180 install -y -qq \
    "${need[@]}" >/dev/null
fi

python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# the OpenID Connect provider the sign-in tests run on localhost (npm oidc-provider, pinned)
npm ci --prefix tests/oidc --no-audit --no-fund --silent
# eslint for the map's JavaScript (package.json, pinned in package-lock.json)
npm ci --no-audit --no-fund --silent
npm run -s lint
ruff check .
ruff format --check .
mypy    # configured in pyproject.toml
python -m pytest "$@"
