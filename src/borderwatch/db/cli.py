"""`borderwatch db init | load DIR | dump DIR`: set up the shared store, fill it, write it out.

Registered through borderwatch.cli.SUBCOMMAND_MODULES. The database is
`--database-url`, else `$BORDERWATCH_DATABASE_URL`. Problems print as the
folder's do ("file, line N, field F: message") and exit 1 with nothing written.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from pathlib import Path

from borderwatch.data.problems import DataError
from borderwatch.db import DATABASE_ENV, database_url
from borderwatch.db.schema import connect, init
from borderwatch.db.transfer import dump_folder, load_folder


def _url(args: argparse.Namespace) -> str | None:
    url = args.database_url or database_url()
    if not url:
        print(f"no database: set {DATABASE_ENV} or pass --database-url", file=sys.stderr)
    return url


def cmd_db(args: argparse.Namespace) -> int:
    """Run one `db` action; exit 1 with the problems on any error."""
    url = _url(args)
    if not url:
        return 2
    try:
        with connect(url) as conn:
            if args.action == "init":
                init(conn)
                print("OK: BorderWatch tables ready")
            elif args.action == "load":
                who = f"{getpass.getuser()}@{socket.gethostname()} (borderwatch db load)"
                counts = load_folder(conn, args.dir, who, replace=args.replace)
                print(f"OK: loaded {counts} from {args.dir}")
            else:
                counts = dump_folder(conn, args.dir)
                print(f"OK: wrote {counts} to {args.dir}")
    except DataError as e:
        print(f"FAILED: {len(e.problems)} problem(s); nothing was changed")
        print(e.report())
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `db` subcommand."""
    p = subparsers.add_parser("db", help="the shared PostgreSQL/PostGIS store")
    p.add_argument("--database-url", default=None, help=f"default: ${DATABASE_ENV}")
    actions = p.add_subparsers(dest="action", required=True)
    actions.add_parser("init", help="create PostGIS, the tables and the change history")
    load = actions.add_parser("load", help="a data folder into the database (validated first)")
    load.add_argument("dir", type=Path)
    load.add_argument(
        "--replace",
        action="store_true",
        help="replace data the database already holds (recorded as deletions)",
    )
    dump = actions.add_parser("dump", help="the database back into a data folder")
    dump.add_argument("dir", type=Path)
    p.set_defaults(func=cmd_db)
