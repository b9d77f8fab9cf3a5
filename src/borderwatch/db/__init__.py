"""The shared store: a data folder's tables in PostgreSQL with PostGIS.

Set `BORDERWATCH_DATABASE_URL` (for example `postgresql://user:pass@host/db`) and the
app reads and saves there instead of the data folder; every write is one
transaction and leaves a row per changed row in `changes`.
"""

from __future__ import annotations

import os

DATABASE_ENV = "BORDERWATCH_DATABASE_URL"


def database_url() -> str | None:
    """`$BORDERWATCH_DATABASE_URL`, or None: the app then uses the data folder."""
    return os.environ.get(DATABASE_ENV, "").strip() or None
