"""The analyst's desk: filters in the sidebar, the map with the record beside it, the timeline,
the events table and the downloads.

Streamlit code only; every decision is a function in `borderwatch`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from page_parts import map_fragment
from record_panel import record_panel

from borderwatch import export
from borderwatch.analysis.asof import STALE_DAYS
from borderwatch.analysis.filters import Filters
from borderwatch.analysis.timeline import timeline, timeline_caption
from borderwatch.analysis.view import View, query_string
from borderwatch.data.eventtable import event_table
from borderwatch.data.store import EventStore
from borderwatch.data.vocab import EVENT_TYPES, country_names, type_label
from borderwatch.map.eventlayer import type_colors
from borderwatch.map.viewport import standalone_detail
from borderwatch.render.htmlsafe import markdown_text

TABLE_COLUMNS = ["event_id", "date_start", "date_end", "event_type", "place", "country",
                 "counterpart_country", "summary", "source_id"]  # fmt: skip
TABLE_ROWS = 10_000  # rows per page of the events table (a string here would be shown: magic)


def reset_filters(lo: dt.date, hi: dt.date) -> None:
    st.session_state.f_dates = (lo, hi)
    st.session_state.f_countries = []
    st.session_state.f_types = []
    st.session_state.f_q = ""
    st.session_state.f_stale = STALE_DAYS


def sidebar_filters(store: EventStore, lo: dt.date, hi: dt.date, initial: Filters) -> Filters:
    """The sidebar widgets, first filled from the URL; returns what they select."""
    countries = sorted(set(store.countries()) | set(initial.countries))
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


def events_table(store: EventStore, f: Filters, n_shown: int) -> tuple[list[int], pd.DataFrame]:
    """One page of the selectable table of the selection; the selected rows and the page."""
    page, pages = 1, max(1, -(-n_shown // TABLE_ROWS))
    if pages > 1:
        page = min(pages, int(st.number_input(
            f"Page (of {pages:,}, {TABLE_ROWS:,} events each)", min_value=1, max_value=pages,
            key="table_page",
        )))  # fmt: skip
    table = event_table(store.rows(f, limit=TABLE_ROWS, offset=(page - 1) * TABLE_ROWS))
    table = table[TABLE_COLUMNS]
    if pages > 1:
        first = (page - 1) * TABLE_ROWS + 1
        st.caption(f"Events {first:,}–{first + len(table) - 1:,} of {n_shown:,}; the "
                   "downloads below hold them all.")  # fmt: skip
    sel = st.dataframe(
        table, hide_index=True, width="stretch", on_select="rerun",
        selection_mode="single-row", key="table",
    )  # fmt: skip
    return (list(sel.selection.rows) if sel else []), table


def downloads(store: EventStore, f: Filters, start: dt.date, as_of: dt.date):
    st.subheader("Download these events")
    c1, c2, c3 = st.columns(3)

    # Built only when clicked, batch by batch from the store: at 100,000 events both
    # files took 4.5 s on every rerun.
    # on_click="ignore": a click that also reruns the app replaces the buttons' deferred
    # files while the browser asks for them, so a second click in that window downloaded
    # nothing (seen in Chromium); nothing on the page depends on the click anyway.
    def name(suffix: str) -> str:
        return export.filename("borderwatch", start, as_of, suffix)

    def standalone() -> bytes:
        title = f"BorderWatch {name('')}"
        shown = standalone_detail(store, f)
        return export.standalone_html(store, shown, as_of, title=title, stale_days=f.stale_days)[0]

    c1.download_button(
        "CSV",
        lambda: export.csv_from_batches(lambda: store.batches(f)),
        name(".csv"),
        "text/csv",
        on_click="ignore",
    )
    c2.download_button(
        "GeoJSON", lambda: export.geojson_from_batches(lambda: store.batches(f)),
        name(".geojson"), "application/geo+json",
        on_click="ignore",
    )  # fmt: skip
    c3.download_button(
        "Standalone HTML map", standalone, name(".html"), "text/html", on_click="ignore"
    )


def show(
    store: EventStore, lo: dt.date, hi: dt.date, initial: Filters, warnings: list[str]
) -> None:
    f = sidebar_filters(store, lo, hi, initial)
    sync_url(f)
    st.sidebar.link_button(
        "Open as briefing screen", query_string(f, View(mode="briefing")), width="stretch"
    )
    n_shown = store.count(f)
    start, as_of = f.start or lo, f.end or hi  # the window shown
    st.title("BorderWatch")
    for w in warnings:
        st.warning(markdown_text(w))
    st.markdown(f"**Showing {n_shown} of {store.total} events**")
    if not n_shown:
        st.info("No event matches these filters. Widen the dates or clear a filter.")
    map_col, record_col = st.columns([3, 1])
    with map_col:
        map_fragment(store, f, as_of, height=600)

    # Below the fold and heavy in the browser (chart and grid load about 2 MB of script):
    # drawn only when opened, so a cold start draws the map first. Opened, they stay open.
    over_time = st.expander("Events over time", key="open_timeline", on_change="rerun")
    if over_time.open:
        with over_time:
            tl = timeline(store.span_counts(f), start, as_of)
            if tl.counts.empty:
                st.caption("No events in this selection.")
            else:
                st.caption(timeline_caption(tl))
                # each type in its map and legend colour
                st.bar_chart(tl.counts, height=220, color=[*type_colors(list(tl.counts.columns))])

    table_box = st.expander("Events table", key="open_table", on_change="rerun")
    rows: list[int] = []
    if table_box.open:
        with table_box:
            rows, table = events_table(store, f, n_shown)
    if rows != st.session_state.get("_table_rows"):
        st.session_state["_table_rows"] = rows
        if rows:
            st.session_state["selected"] = table.iloc[rows[0]]["event_id"]
    with record_col:
        record_panel(store, st.session_state.get("selected"))
    downloads(store, f, start, as_of)
