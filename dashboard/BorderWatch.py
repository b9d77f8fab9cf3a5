"""BorderWatch's main page; `streamlit run dashboard/app.py` serves it (see app.py).

Widgets and layout only; every decision is a function in `borderwatch`.
`?mode=briefing` turns the page into an unattended briefing-room screen.
The page also runs on its own (`streamlit run dashboard/BorderWatch.py`), without
the start-up warm-up.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

try:
    import borderwatch  # noqa: F401
except ImportError:  # Community Cloud may run the app without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from borderwatch import export
from borderwatch.analysis import briefing
from borderwatch.analysis.asof import STALE_DAYS, picture_as_of
from borderwatch.analysis.filters import Filters, apply_filters
from borderwatch.analysis.timeline import timeline, timeline_caption
from borderwatch.data import snapshot
from borderwatch.data.eventtable import event_table
from borderwatch.data.loader import Dataset, default_data_dir
from borderwatch.data.problems import DataError, describe
from borderwatch.data.vocab import EVENT_TYPES, country_names
from borderwatch.map import assets
from borderwatch.map.build import build_map
from borderwatch.map.eventlayer import clicked_event_id, type_label
from borderwatch.render.htmlsafe import markdown_text
from borderwatch.render.htmltable import html_table

_LOG = logging.getLogger("borderwatch.page")
QUERY_KEYS = ("start", "end", "country", "type", "q", "mode", "stale")
TABLE_COLUMNS = ["event_id", "date_start", "date_end", "event_type", "place", "country",
                 "counterpart_country", "summary", "source_id"]  # fmt: skip
PLAY_SECONDS = 4
TABLE_ROWS = 10_000  # rows the events table shows at most (a string here would be shown: magic)


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load(data_dir: str, stamp: tuple) -> Dataset:
    return snapshot.load(data_dir)


def dataset() -> Dataset:
    """The data folder, re-read only when one of its files changes."""
    d = Path(default_data_dir())
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(d.glob("*")) if p.is_file()
    )
    return _load(str(d), stamp)


def url_filters() -> tuple[Filters, list[str]]:
    params = {k: st.query_params.get_all(k) for k in QUERY_KEYS if k in st.query_params}
    return Filters.from_query(params)


def span(events: pd.DataFrame) -> tuple[dt.date, dt.date]:
    return events["date_start"].min().date(), events["date_end"].max().date()


def reset_filters(lo: dt.date, hi: dt.date) -> None:
    st.session_state.f_dates = (lo, hi)
    st.session_state.f_countries = []
    st.session_state.f_types = []
    st.session_state.f_q = ""
    st.session_state.f_stale = STALE_DAYS


def sidebar_filters(ds: Dataset, lo: dt.date, hi: dt.date, initial: Filters) -> Filters:
    """The sidebar widgets, first filled from the URL; returns what they select."""
    ev = ds.events
    # unique() first: turning a million categorical codes into strings took 1.2 s per rerun
    present = set(ev["country"].unique().astype(str)) | set(
        ev["counterpart_country"].dropna().unique().astype(str)
    )
    countries = sorted((present - {""}) | set(initial.countries))
    names = country_names()
    if "f_dates" not in st.session_state:
        f = initial.clamp(lo, hi)
        st.session_state.f_dates = (f.start, f.end)
        st.session_state.f_countries = list(initial.countries)
        st.session_state.f_types = list(initial.types)
        st.session_state.f_q = initial.q
        st.session_state.f_stale = initial.stale_days
    sb = st.sidebar
    sb.header("Filters")
    picked = sb.date_input("Dates (events overlapping)", min_value=lo, max_value=hi, key="f_dates")
    # while the user is picking, the range input holds 0 or 1 dates
    start, end = [*picked, None, None][:2] if isinstance(picked, tuple) else (picked, None)
    sb.multiselect(
        "Countries (either side of a crossing)",
        countries,
        format_func=lambda c: f"{c} — {names.get(c, c)}",
        key="f_countries",
    )
    sb.multiselect("Event types", list(EVENT_TYPES), format_func=type_label, key="f_types")
    sb.text_input("Text search", key="f_q", placeholder="Hairatan, Taliban, BW-2021-0007…")
    sb.number_input(
        "Unconfirmed after (days)",
        min_value=0,
        max_value=100_000,
        step=1,
        key="f_stale",
        help="A crossing status or district's control whose last report is older reads "
        "'unconfirmed'.",
    )
    sb.button("Reset filters", on_click=reset_filters, args=(lo, hi), width="stretch")
    sb.caption("Every filter is in the page address: copy it to share this view.")
    return Filters(
        start=None if start in (None, lo) else start,
        end=None if end in (None, hi) else end,
        countries=tuple(st.session_state.f_countries),
        types=tuple(st.session_state.f_types),
        q=st.session_state.f_q.strip(),
        stale_days=int(st.session_state.f_stale),
    )


def sync_url(f: Filters) -> None:
    """Write the filters into the address bar (only when they changed)."""
    wanted = f.to_query()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def show_map(
    ds: Dataset,
    shown: pd.DataFrame,
    as_of: dt.date,
    stale_days: int,
    height: int,
    briefing_room: bool = False,
) -> dict:
    offline = assets.offline_mode()
    base_url = "/" + "/".join(
        p
        for p in (st.get_option("server.baseUrlPath").strip("/"), assets.STATIC_URL.strip("/"))
        if p
    )
    parts = build_map(
        ds, shown, as_of, offline=offline, base_url=base_url,
        collapsed=not briefing_room, stale_days=stale_days,
    )  # fmt: skip
    if parts.note:  # too many events to draw one by one: the map shows grid cells
        st.caption(parts.note)
    return st_folium(
        parts.base,
        key="map",
        height=height,
        use_container_width=True,
        feature_group_to_add=parts.layers,
        layer_control=parts.control,
        returned_objects=["last_object_clicked", "last_object_clicked_popup"],
        # st_folium renders the whole figure and then the map again; the first render's
        # output is never used (same arguments reach the browser, 40 ms less per rerun)
        render=False,
    )


def record_panel(ds: Dataset, event_id: str | None) -> None:
    if not event_id:
        st.info("Click a marker or a table row to see the event's full record.")
        return
    rows = ds.events[ds.events["event_id"].astype(str) == event_id]
    if rows.empty:
        st.info("The selected event is not in the data any more.")
        return
    record = event_table(rows).iloc[0]
    st.subheader(markdown_text(event_id))
    fields = record.drop("event_id")
    st.html(TABLE_CSS + html_table(pd.DataFrame({"Field": fields.index, "Value": fields.values})))
    src = ds.sources[ds.sources["source_id"] == record["source_id"]]
    if not src.empty:
        s = src.iloc[0]
        st.caption(
            markdown_text(f"Source: {s['title']} — {s['publisher']} {s['published']}".strip())
        )
        if str(s["url"]).startswith(("http://", "https://")):
            st.link_button("Open the source", str(s["url"]))


def analyst(ds: Dataset, lo: dt.date, hi: dt.date, initial: Filters, warnings: list[str]) -> None:
    f = sidebar_filters(ds, lo, hi, initial)
    sync_url(f)
    briefing_view = urlencode(replace(f, mode="briefing").to_query(), doseq=True)
    st.sidebar.link_button("Open as briefing screen", f"?{briefing_view}", width="stretch")
    shown = apply_filters(ds.events, f)
    start, as_of = f.start or lo, f.end or hi  # the window shown
    st.title("BorderWatch")
    for w in warnings:
        st.warning(markdown_text(w))
    st.markdown(f"**Showing {len(shown)} of {len(ds.events)} events**")
    if shown.empty:
        st.info("No event matches these filters. Widen the dates or clear a filter.")
    map_col, record_col = st.columns([3, 1])
    with map_col:
        out = show_map(ds, shown, as_of, f.stale_days, height=600) or {}
    popup = out.get("last_object_clicked_popup")
    if popup != st.session_state.get("_map_popup"):
        st.session_state["_map_popup"] = popup
        picked = clicked_event_id(popup, shown["event_id"])
        if picked:
            st.session_state["selected"] = picked

    # Below the fold and heavy in the browser (chart and grid load about 2 MB of script):
    # drawn only when opened, so a cold start draws the map first. Opened, they stay open.
    over_time = st.expander("Events over time", key="open_timeline", on_change="rerun")
    if over_time.open:
        with over_time:
            tl = timeline(shown, start, as_of)
            if tl.counts.empty:
                st.caption("No events in this selection.")
            else:
                st.caption(timeline_caption(tl))
                st.bar_chart(tl.counts, height=220)

    events = st.expander("Events table", key="open_table", on_change="rerun")
    rows: list[int] = []
    if events.open:
        with events:
            rows, table = events_table(shown)
    if rows != st.session_state.get("_table_rows"):
        st.session_state["_table_rows"] = rows
        if rows:
            st.session_state["selected"] = table.iloc[rows[0]]["event_id"]
    with record_col:
        record_panel(ds, st.session_state.get("selected"))

    st.subheader("Download these events")
    name = "borderwatch_" + "_".join(d.isoformat() for d in (start, as_of))
    c1, c2, c3 = st.columns(3)
    # Built only when clicked: at 100,000 events both files took 4.5 s on every rerun.
    # on_click="ignore": a click that also reruns the app replaces the buttons' deferred
    # files while the browser asks for them, so a second click in that window downloaded
    # nothing (seen in Chromium); nothing on the page depends on the click anyway.
    c1.download_button(
        "CSV", lambda: export.to_csv(shown), f"{name}.csv", "text/csv", on_click="ignore"
    )
    c2.download_button(
        "GeoJSON",
        lambda: export.to_geojson(shown),
        f"{name}.geojson",
        "application/geo+json",
        on_click="ignore",
    )
    c3.download_button(
        "Standalone HTML map",
        lambda: standalone(ds, shown, as_of, f.stale_days, name),
        f"{name}.html",
        "text/html",
        on_click="ignore",
    )


def events_table(shown: pd.DataFrame) -> tuple[list[int], pd.DataFrame]:
    """The selectable table of `shown`; the selected row positions and the table."""
    # The table goes to the browser whole: a million rows took 8 s and 2 GB per rerun.
    table = event_table(shown.head(TABLE_ROWS))[TABLE_COLUMNS]
    if len(shown) > TABLE_ROWS:
        st.caption(
            f"The first {TABLE_ROWS:,} of {len(shown):,} events; narrow the filters or "
            "download them all below."
        )
    sel = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="table",
    )
    return (list(sel.selection.rows) if sel else []), table


def standalone(
    ds: Dataset, shown: pd.DataFrame, as_of: dt.date, stale_days: int, name: str
) -> bytes:
    """The standalone map file, built only when the download is clicked."""
    html, _ = export.standalone_html(
        ds, shown, as_of, title=f"BorderWatch {name}", stale_days=stale_days
    )
    return html


TABLE_CSS = """
<style>
table.bw-table, table.bw-board, table.bw-latest {border-collapse: collapse; width: 100%;
  font-size: 0.9rem;}
.bw-table td, .bw-table th, .bw-board td, .bw-board th, .bw-latest td, .bw-latest th {
  border-bottom: 1px solid #e3e0d8; padding: 4px 6px; text-align: left; vertical-align: top;}
.bw-table td:first-child {color: #5b6670; white-space: nowrap;}
.bw-board, .bw-latest {font-size: 1.3rem;}
.bw-board td.v-closed {background: #c0392b; color: #fff; font-weight: 700;}
.bw-board td.v-threatened {background: #e67e22; color: #fff; font-weight: 700;}
.bw-board td.v-open {background: #27ae60; color: #fff; font-weight: 700;}
.bw-board td.v-no-report {background: #7f8c8d; color: #fff; font-weight: 700;}
.bw-board td[class^="v-unconfirmed-"] {background: repeating-linear-gradient(135deg, #fff 0 6px,
  #e3e0d8 6px 12px); font-weight: 700;}
.bw-board td.v-unconfirmed-closed {color: #c0392b;}
.bw-board td.v-unconfirmed-threatened {color: #b85f12;}
.bw-board td.v-unconfirmed-open {color: #1e8449;}
</style>
"""

BRIEFING_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarNav"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stSidebarCollapseButton"] {display: none !important;}
.block-container {padding: 1rem 1.5rem 0 1.5rem; max-width: 100% !important;}
.stApp [data-testid="stMarkdownContainer"] p {font-size: 1.6rem;}
.stApp h1 {font-size: 2.6rem; padding: 0;}
.stApp h3 {font-size: 1.7rem;}
</style>
"""


def briefing_screen(ds: Dataset, lo: dt.date, hi: dt.date, f: Filters, warnings: list[str]) -> None:
    st.markdown(BRIEFING_CSS, unsafe_allow_html=True)
    for w in warnings:
        st.warning(markdown_text(w))
    play_from = f.start or briefing.playback_start(ds.events)  # the URL's start wins
    f = f.clamp(lo, hi)
    play = st.toggle("Playback", value=st.query_params.get("play", "") not in ("", "0"), key="play")
    ends = briefing.playback_ends(max(min(play_from, f.end), lo), f.end)

    @st.fragment(run_every=PLAY_SECONDS if play else None)
    def board() -> None:
        step = st.session_state.get("play_step", 0) if play else len(ends) - 1
        end = ends[step % len(ends)]
        st.session_state["play_step"] = step + 1
        view = replace(f, start=ends[0] if play else f.start, end=end)
        shown = apply_filters(ds.events, view)
        st.title(f"BorderWatch — as of {end:%d %b %Y}")
        if play:
            st.caption(
                f"Playback {step % len(ends) + 1} of {len(ends)}: {end:%d %b %Y} "
                f"(from {ends[0]:%d %b %Y}, a week a step)"
            )
        st.markdown(f"**Showing {len(shown)} of {len(ds.events)} events**")
        map_col, side = st.columns([2, 1])
        with map_col:
            show_map(ds, shown, end, f.stale_days, height=860, briefing_room=True)
        with side:
            st.subheader("Border crossings")
            picture = picture_as_of(ds.events, ds.crossings, ds.places, end, f.stale_days)
            board = briefing.status_board(picture)
            st.html(TABLE_CSS + html_table(board, "bw-board", value_classes=["Status"]))
            st.caption(
                f"As known on {end:%d %b %Y}: only reports certain to have happened by then. "
                f"UNCONFIRMED: the last report is over {f.stale_days} days old."
            )
            st.subheader("Latest events")
            st.html(TABLE_CSS + html_table(briefing.latest_events(shown, 6), "bw-latest"))

    board()


def main() -> None:
    initial, warnings = url_filters()
    st.set_page_config(
        page_title="BorderWatch",
        page_icon="🗺️",
        layout="wide",
        initial_sidebar_state="collapsed" if initial.mode == "briefing" else "expanded",
    )
    try:
        ds = dataset()
    except Exception as e:  # any error in the data is a report on the page, never a traceback
        if not isinstance(e, DataError):
            _LOG.exception("reading the data folder failed")
        st.error("The data folder has problems; fix them and reload:")
        st.code(describe(e), language=None)
        st.stop()
    if missing := assets.missing_assets():
        st.error(
            f"The map's scripts are missing from dashboard/static/vendor/ ({missing[0]}, …): "
            "restore them with `git checkout -- dashboard/static/vendor`."
        )
    try:
        lo, hi = span(ds.events)
        if initial.mode == "briefing":
            briefing_screen(ds, lo, hi, initial, warnings)
        else:
            analyst(ds, lo, hi, initial, warnings)
    except Exception as e:  # Streamlit's stop and rerun are BaseExceptions and pass through
        _LOG.exception("drawing the page failed")
        st.error("This view could not be drawn from the data:")
        st.code(describe(e), language=None)


main()
