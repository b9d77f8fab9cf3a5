"""The README's first command on a machine with no internet: no setup step, no outside host.

This module's app runs without BORDERWATCH_OFFLINE, as `streamlit run dashboard/app.py`
does for a newcomer: the map must come from the committed assets all the same, and the
online street tiles wait until the user switches them on.
"""

from __future__ import annotations

import pytest
from e2e_support import drawn_markers, open_app, showing

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_env() -> dict[str, str]:
    return {}


def test_without_the_offline_switch_the_map_draws_and_asks_no_outside_host(app, page):
    frame = open_app(page, app.url)
    n, _ = showing(page)
    assert drawn_markers(frame) == n
    tiles = frame.locator(".leaflet-control-layers label", has_text="Street map (online tiles)")
    assert tiles.count() == 1
    assert not tiles.locator("input").is_checked()
    assert frame.locator(".leaflet-tile").count() == 0
    assert page.watch.outside == set()
    assert page.watch.broken == []
    assert page.watch.errors == []
