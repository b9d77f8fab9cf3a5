"""Browser fixtures: one `streamlit run` per test module, Debian's Chromium through Playwright.

The server runs with BORDERWATCH_OFFLINE=1 on a free localhost port, on a copy of
the bundled data plus one event whose summary tries every injection trick.
Every page records the hosts it asked for, its errors and its dialogs.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from borderwatch import assets

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
MALICIOUS = "<img src=x onerror=alert(1)> ${alert(2)} `tick`"
MALICIOUS_ID = "BW-2021-9999"
LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "[::1]", "::1"}

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_e2e_data(root: Path) -> Path:
    """The bundled data folder plus the malicious event at Hairatan."""
    shutil.copytree(REPO / "geodata", root)
    with (root / "sources.csv").open(encoding="utf-8") as fh:
        source_id = next(csv.DictReader(fh))["source_id"]
    with (root / "events.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    row = {c: "" for c in header}
    row.update(
        event_id=MALICIOUS_ID, date_start="2021-07-05", date_end="2021-07-05",
        date_precision="day", event_type="statement", place="Hairatan", country="AFG",
        counterpart_country="UZB", geo_precision="site", actors="Unknown",
        summary=MALICIOUS, source_id=source_id, confidence="claimed",
    )  # fmt: skip
    with (root / "events.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, header).writerow(row)
    return root


@dataclass
class App:
    url: str
    data_dir: Path


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    """A running `streamlit run dashboard/app.py`, offline, killed after the module."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install Debian's Chromium (apt-get install chromium)")
    if assets.missing_assets():
        assets.fetch_assets()  # one-time setup, as `borderwatch assets fetch`
    data_dir = write_e2e_data(tmp_path_factory.mktemp("e2e") / "data")
    port = _free_port()
    env = {**os.environ, "BORDERWATCH_OFFLINE": "1", "BORDERWATCH_DATA": str(data_dir)}
    log = (tmp_path_factory.mktemp("log") / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield App(url, data_dir)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did besides drawing: hosts asked for, errors thrown, dialogs opened."""

    hosts: set = field(default_factory=set)
    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    @property
    def outside(self) -> set:
        return self.hosts - LOCAL_HOSTS


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    watch = Watch()
    ctx.on("request", lambda r: watch.hosts.add(urlparse(r.url).hostname))
    pg = ctx.new_page()
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))

    def on_dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.watch = watch
    yield pg
    ctx.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
