"""Browser fixtures: one `streamlit run` per test module, Debian's Chromium through Playwright.

The server runs with BORDERWATCH_OFFLINE=1 (unless a module's `app_env` says otherwise)
on a free localhost port, on a copy of
the bundled data plus one event whose summary tries every injection trick.
Every page records the hosts it asked for, its errors and its dialogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from e2e_support import Watch, write_e2e_data
from services import CHROMIUM, ScriptRuns, chromium, streamlit_server

from borderwatch.map import assets

pytestmark = pytest.mark.browser


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
    env = {
        assets.OFFLINE_ENV: None,
        **app_env,
        "BORDERWATCH_DATA": str(data_dir),
        "BORDERWATCH_CACHE": str(tmp_path_factory.mktemp("cache")),
    }
    with streamlit_server("dashboard/app.py", env, tmp_path_factory.mktemp("log")) as server:
        yield App(server.url, data_dir, server.pid)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    watch = Watch()
    ctx.on("request", lambda r: watch.hosts.add(urlparse(r.url).hostname))
    ctx.on(
        "response", lambda r: watch.broken.append((r.status, r.url)) if r.status >= 400 else None
    )
    pg = ctx.new_page()
    pg.runs = ScriptRuns()
    pg.runs.watch(pg)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))

    def on_dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.watch = watch
    yield pg
    ctx.close()
