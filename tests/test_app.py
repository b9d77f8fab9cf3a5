"""The dashboard through Streamlit's AppTest: widgets, URL parameters, and what reaches the map.

AppTest does not run custom components; the map shows up as an element whose
`json_args` hold the script and feature groups st_folium sent to the browser.
"""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path

import pytest
from sample_data import EVENTS, MALICIOUS, MALICIOUS_ESCAPED, event, write_data_dir
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "BorderWatch.py")
MALICIOUS_ID = "BW-2021-0099"


@pytest.fixture
def at(tmp_path, monkeypatch) -> AppTest:
    bad = event(
        event_id=MALICIOUS_ID,
        date_start="2021-07-05",
        date_end="2021-07-05",
        event_type="statement",
        summary=MALICIOUS,
    )
    rows = [*EVENTS, bad]
    monkeypatch.setenv("BORDERWATCH_DATA", str(write_data_dir(tmp_path / "data", rows)))
    monkeypatch.delenv("BORDERWATCH_OFFLINE", raising=False)
    return AppTest.from_file(APP, default_timeout=60)


def showing(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Showing"))


def map_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)


def mapped_ids(at: AppTest) -> list[str]:
    """Event ids in the events blob sent to the map, in order."""
    blob = re.search(r"var d = (\{.*?\});", map_args(at)["feature_group"]).group(1)
    return json.loads(blob)["id"]


def test_opens_on_every_event_and_sends_them_all_to_the_map(at):
    at.run()
    assert not at.exception
    assert showing(at) == "**Showing 8 of 8 events**"
    assert mapped_ids(at) == [f"BW-2021-000{i}" for i in range(1, 8)] + [MALICIOUS_ID]
    assert at.warning.len == 0


def test_chart_and_table_are_drawn_only_once_opened_and_then_agree_with_the_map(at):
    at.query_params.update(country="TJK", start="2021-06-25", end="2021-07-10")
    at.run()
    timeline, table = at.expander
    assert (timeline.label, table.label) == ("Events over time", "Events table")
    assert len(timeline.children) == 0 and len(table.children) == 0
    at.session_state["open_timeline"] = True
    at.session_state["open_table"] = True
    at.run()
    assert [c.type for c in at.expander[0].children.values()] == ["caption", "vega_lite_chart"]
    assert at.expander[0].caption[0].value.startswith("Events per week by type, each spread evenly")
    assert list(at.dataframe[0].value["event_id"]) == mapped_ids(at)
    assert mapped_ids(at) == ["BW-2021-0003", "BW-2021-0004"]


def test_the_url_sets_the_filters_and_narrows_counts_and_map(at):
    at.query_params.update(country="TJK", start="2021-06-25", end="2021-07-10")
    at.run()
    assert showing(at) == "**Showing 2 of 8 events**"
    assert mapped_ids(at) == ["BW-2021-0003", "BW-2021-0004"]
    assert at.multiselect(key="f_countries").value == ["TJK"]
    assert [str(d) for d in at.date_input(key="f_dates").value] == ["2021-06-25", "2021-07-10"]


def test_repeated_type_parameters_all_apply(at):
    at.query_params["type"] = ["crossing_closed", "crossing_reopened"]
    at.run()
    assert showing(at) == "**Showing 3 of 8 events**"
    assert at.multiselect(key="f_types").value == ["crossing_closed", "crossing_reopened"]


def test_changing_a_filter_updates_counts_map_and_url(at):
    at.run()
    at.multiselect(key="f_types").set_value(["territorial_control"]).run()
    assert showing(at) == "**Showing 3 of 8 events**"
    assert mapped_ids(at) == ["BW-2021-0002", "BW-2021-0006", "BW-2021-0007"]
    assert at.query_params["type"] == "territorial_control"
    at.text_input(key="f_q").set_value("Faryab").run()
    assert showing(at) == "**Showing 2 of 8 events**"
    assert at.query_params["q"] == "Faryab"


def test_reset_brings_every_event_back_and_clears_the_url(at):
    at.query_params.update(country="UZB", q="fighting")
    at.run()
    assert showing(at) == "**Showing 1 of 8 events**"
    at.button[0].click().run()
    assert showing(at) == "**Showing 8 of 8 events**"
    assert dict(at.query_params) == {}


def as_seen(markdown: str) -> str:
    """What Markdown with every punctuation character as a character reference shows."""
    return html.unescape(markdown).replace("\u2060", "")


def live_markdown(markdown: str) -> bool:
    """Whether some punctuation is left as itself, so Markdown could act on it."""
    return re.search(r"[!-/:-@\[-`{-~]", re.sub(r"&#\d+;", "", markdown)) is not None


def test_markdown_in_a_shared_link_is_shown_as_text_never_as_a_link_or_an_image(at):
    link = "[Click here to re-login](https://evil.example/login)"
    image = "![x](http://evil.example/p.png)"
    at.query_params.update(type=link, country=image)
    at.run()
    assert [as_seen(w.value) for w in at.warning] == [
        f"Ignored country={image!r}: not an ISO 3166-1 alpha-3 code.",
        f"Ignored type={link!r}: unknown event type.",
    ]
    assert not any(live_markdown(w.value) for w in at.warning)


def test_malformed_parameters_are_ignored_with_a_warning_each(at):
    at.query_params.update(country=["XXX", "TKM"], start="yesterday", type="raid", mode="kiosk")
    at.run()
    assert not at.exception
    assert [as_seen(w.value) for w in at.warning] == [
        "Ignored start='yesterday': not an ISO date (YYYY-MM-DD).",
        "Ignored country='XXX': not an ISO 3166-1 alpha-3 code.",
        "Ignored type='raid': unknown event type.",
        "Ignored mode='kiosk': use one of analyst, briefing.",
    ]
    assert at.multiselect(key="f_countries").value == ["TKM"]


def test_no_match_says_so_and_still_draws_the_outlines(at):
    # this data folder has no borders.geojson: the bundled outlines stand in, fetched by the
    # page from their static copy rather than sent with every rerun
    at.query_params["q"] = "no such words anywhere"
    at.run()
    assert showing(at) == "**Showing 0 of 8 events**"
    assert any(i.value.startswith("No event matches") for i in at.info)
    assert mapped_ids(at) == []
    script = map_args(at)["script"]
    assert "bwOutlines(feature_group_" in script and '/app/static/basemap/outlines.json"' in script
    assert '"iso3": "AFG"' not in script


def test_the_base_map_sent_is_the_same_whatever_the_filters(at):
    at.run()
    first = map_args(at)
    at.multiselect(key="f_countries").set_value(["RUS"]).run()
    second = map_args(at)
    assert first["key"] == second["key"]  # same key: the browser keeps the map mounted
    assert first["feature_group"] != second["feature_group"]
    # clicks for the record panel, the view for the detail drawn; nothing else reruns the page
    assert second["returned_objects"] == [
        "last_object_clicked", "last_object_clicked_popup", "bounds", "zoom"
    ]  # fmt: skip


def test_a_selected_event_shows_its_full_record_escaped(at):
    at.run()
    at.session_state["selected"] = MALICIOUS_ID
    at.run()
    assert as_seen(at.subheader[0].value) == MALICIOUS_ID
    record = next(h.proto.body for h in at.get("html") if "bw-table" in h.proto.body)
    assert MALICIOUS_ESCAPED in record
    assert MALICIOUS not in record


def test_briefing_mode_has_no_filters_and_shows_the_crossing_board(at):
    at.query_params.update(mode="briefing", end="2021-07-13")
    at.run()
    assert not at.exception
    assert at.sidebar.children == {} or len(at.sidebar) == 0
    assert at.multiselect.len == 0
    assert at.title[0].value == "BorderWatch — as of 13 Jul 2021"
    board = next(h.proto.body for h in at.get("html") if "bw-board" in h.proto.body)
    assert '<td>Hairatan–Termez</td><td class="v-closed">CLOSED</td>' in board
    assert '<td>Sher Khan Bandar–Panji Poyon</td><td class="v-open">OPEN</td>' in board
    # page.css hides the sidebar and enlarges the type around this container
    assert [block.key for block in at.main.children.values()] == ["briefing-screen"]


def test_the_address_sets_the_unconfirmed_threshold_for_board_and_map(at):
    # the Sher Khan Bandar capture (22 June) is 21 days old on 13 July
    at.query_params.update(mode="briefing", end="2021-07-13")
    at.run()
    board = next(h.proto.body for h in at.get("html") if "bw-board" in h.proto.body)
    assert "<td>Sher Khan Bandar: taliban</td>" in board
    at.query_params.update(stale="10")
    at.run()
    board = next(h.proto.body for h in at.get("html") if "bw-board" in h.proto.body)
    assert "<td>Sher Khan Bandar: unconfirmed-taliban</td>" in board
    sent = json.dumps(map_args(at), ensure_ascii=False)
    assert "Afghan side (Sher Khan Bandar): unconfirmed-taliban" in sent
    caption = next(c.value for c in at.caption if c.value.startswith("As known on"))
    assert caption.endswith("UNCONFIRMED: the last report is over 10 days old.")


@pytest.mark.parametrize(
    "page",
    ["app.py", "BorderWatch.py", "analyst_desk.py", "briefing_screen.py", "page_parts.py",
     "pages/1_Add_events.py"],
)  # fmt: skip
def test_no_page_has_a_bare_string_that_streamlit_magic_would_print(page):
    # Magic writes every bare expression statement, docstring-style strings included,
    # onto the page; only the module docstring is exempt.
    tree = ast.parse((Path(APP).parent / page).read_text(encoding="utf-8"))
    docstrings = {id(tree.body[0])} | {
        id(f.body[0])
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    bare = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        and id(node) not in docstrings
    ]
    assert bare == []
