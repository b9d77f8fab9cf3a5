"""Real servers for the tests: a private PostgreSQL/PostGIS cluster, an OpenID Connect
provider (npm `oidc-provider`, tests/oidc/) and `streamlit run`, each on a free port;
and the browser that opens them (Debian's Chromium through Playwright).

scripts/test.sh installs what they need (Debian's postgresql-15, postgis and chromium,
npm); the fixtures in conftest.py start them and stop them again. The benchmarks use
the same helpers.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf.message import DecodeError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
"""What headless Chromium needs on this offline machine (no sandbox as root, no phoning home)."""
EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
PG_BIN = Path("/usr/lib/postgresql/15/bin")
OIDC_DIR = REPO / "tests" / "oidc"


def free_port() -> int:
    """A TCP port nobody listens on; never 8501, Streamlit's default, which a developer may use."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return port if port != 8501 else free_port()


def wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Poll `url` until it answers 200; fail with the log's tail if `proc` dies or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                return
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{url} did not come up:\n{tail}")
        time.sleep(0.05)  # a start-up benchmark counts from here


def stop(proc: subprocess.Popen) -> None:
    """Stop a process started with start_new_session=True, and its children."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


class PostgresCluster:
    """A throw-away PostgreSQL 15 cluster with PostGIS on 127.0.0.1:<free port>.

    initdb refuses to run as root, so as root the cluster belongs to the `postgres`
    user (created by Debian's package) and its commands run through runuser.
    """

    TEMPLATE = "bw_template"

    def __init__(self) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="bw-pg-"))
        self.data = self.root / "data"
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        subprocess.run([*prefix, *cmd], check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c max_connections=200"
        )
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "start",
        )
        self.execute(f"CREATE DATABASE {self.TEMPLATE}")
        self.execute("CREATE EXTENSION postgis", db=self.TEMPLATE)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def execute(self, sql: str, db: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """The URL of a new, empty database with PostGIS installed."""
        name = f"bw_test_{os.getpid()}_{next(self._names)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE}")
        return self.url(name)


@dataclass(frozen=True)
class OidcProvider:
    issuer: str
    client_id: str
    client_secret: str

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"


@contextlib.contextmanager
def oidc_provider(
    redirect_uris: list[str], groups: Mapping[str, list[str]], log_dir: Path
) -> Iterator[OidcProvider]:
    """tests/oidc/server.mjs on a free port, serving one client with `redirect_uris`."""
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=OIDC_DIR, check=True, capture_output=True
        )
    port = free_port()
    provider = OidcProvider(f"http://localhost:{port}", "borderwatch", "test-secret-" + "x" * 24)
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": provider.client_id,
        "OIDC_CLIENT_SECRET": provider.client_secret,
        "OIDC_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_GROUPS": json.dumps(groups),
    }
    log = log_dir / "oidc.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["node", "server.mjs"],
            cwd=OIDC_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(provider.metadata_url.replace("localhost", "127.0.0.1"), proc, log)
        yield provider
    finally:
        stop(proc)


class ScriptRuns:
    """A page's Streamlit websocket read as script runs: the reruns the page asked for and
    the runs the server finished, in order, and the bytes both ways.

    The page's own run state is not enough: a fast rerun can go from running to idle
    within one render of the page, and then the page never shows it.
    """

    def __init__(self) -> None:
        self.log: list[str] = []
        self.bytes = 0
        self.sockets = 0
        """Websockets the page opened: more than one per page load is a connection come back."""

    def watch(self, page: Any) -> None:
        """Listen to every websocket of `page` (a Playwright Page)."""

        def on_ws(ws: Any) -> None:
            self.sockets += 1
            ws.on("framesent", self._sent)
            ws.on("framereceived", self._received)

        page.on("websocket", on_ws)

    @property
    def finished(self) -> int:
        """Runs the server has reported finished (a run stopped for the next one is not)."""
        return self.log.count("finished")

    def settled_since(self, since: int) -> bool:
        """Whether a rerun was asked for after the first `since` entries and all runs are over."""
        return "asked" in self.log[since:] and self.log[-1] == "finished"

    def _sent(self, payload: str | bytes) -> None:
        if self._message(payload, BackMsg()).HasField("rerun_script"):
            self.log.append("asked")

    def _received(self, payload: str | bytes) -> None:
        msg = self._message(payload, ForwardMsg())
        if msg.HasField("script_finished") and msg.script_finished != EARLY_FOR_RERUN:
            self.log.append("finished")

    def _message(self, payload: str | bytes, msg: Any) -> Any:
        """`msg` parsed from a binary frame (left empty for text or undecodable frames)."""
        self.bytes += len(payload.encode() if isinstance(payload, str) else payload)
        if isinstance(payload, bytes):
            with contextlib.suppress(DecodeError):
                msg.ParseFromString(payload)
        return msg


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` in MB (Streamlit serves every session from one process)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


@dataclass(frozen=True)
class StreamlitServer:
    """A running `streamlit run`: where to open it, its process, when it was started."""

    url: str
    pid: int
    started: float
    """Epoch seconds taken just before the process started (as the page's own timestamps)."""


@contextlib.contextmanager
def streamlit_server(
    script: str | Path,
    env: Mapping[str, str | None] | None = None,
    log_dir: Path | None = None,
    *,
    port: int | None = None,
    host: str = "127.0.0.1",
    args: Sequence[str] = (),
    cwd: Path = REPO,
    timeout: float = 90,
) -> Iterator[StreamlitServer]:
    """`streamlit run script` on 127.0.0.1 (a free port unless `port` says), healthy; stopped after.

    `env` is added to this process's environment (a value of None removes the
    variable). The URL names `host`: sign-in's redirect URI must say "localhost".
    The server's output goes to `log_dir` (a new temporary folder by default),
    whose tail is shown if it does not come up within `timeout` seconds.
    """
    port = port or free_port()
    log = Path(log_dir or tempfile.mkdtemp(prefix="bw-streamlit-")) / f"streamlit-{port}.log"
    full_env = {**os.environ, **(env or {})}
    started = time.time()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                *args,
            ],
            cwd=cwd,
            env={k: v for k, v in full_env.items() if v is not None},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc, log, timeout)
        yield StreamlitServer(f"http://{host}:{port}", proc.pid, started)
    finally:
        stop(proc)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright; closed on leaving."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
