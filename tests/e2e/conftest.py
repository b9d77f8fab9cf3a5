"""Browser fixtures: one `streamlit run` per test module, Debian's Chromium through Playwright.

The server runs with BORDERWATCH_OFFLINE=1 (unless a module's `app_env` says otherwise)
on a free localhost port, on a copy of
the bundled data plus one event whose summary tries every injection trick.
Every page records the hosts it asked for, its errors and its dialogs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from e2e_support import CHROMIUM, CHROMIUM_ARGS, REPO, Watch, write_e2e_data

from borderwatch.map import assets

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class App:
    url: str
    data_dir: Path
    pid: int
    """The `streamlit run` process (its memory is measured by the soak test)."""


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    """Environment the module's app runs with (a module may override this fixture)."""
    return {"BORDERWATCH_OFFLINE": "1"}


@pytest.fixture(scope="module")
def app(tmp_path_factory, app_env) -> Iterator[App]:
    """A running `streamlit run dashboard/app.py` (offline by default), killed after the module."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install Debian's Chromium (apt-get install chromium)")
    assert assets.missing_assets() == [], "the repository ships the map assets"
    data_dir = write_e2e_data(tmp_path_factory.mktemp("e2e") / "data")
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != assets.OFFLINE_ENV},
        **app_env,
        "BORDERWATCH_DATA": str(data_dir),
        "BORDERWATCH_CACHE": str(tmp_path_factory.mktemp("cache")),
    }
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
        yield App(url, data_dir, proc.pid)
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


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    watch = Watch()
    ctx.on("request", lambda r: watch.hosts.add(urlparse(r.url).hostname))
    ctx.on(
        "response", lambda r: watch.broken.append((r.status, r.url)) if r.status >= 400 else None
    )
    pg = ctx.new_page()
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))

    def on_dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.watch = watch
    yield pg
    ctx.close()
