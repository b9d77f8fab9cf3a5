#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
# This is the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)   # Debian's Chromium, for the browser tests
command -v npm >/dev/null || need+=(npm)       # fetches the offline map assets
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
borderwatch assets fetch    # Leaflet & co. from the npm registry into dashboard/static/vendor/
ruff check .
python -m pytest "$@"
