"""The briefing screen: an unattended wall display of the map, the crossings and the latest events.

Streamlit code only; every decision is a function in `borderwatch`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st
from page_parts import data_stamp, show_map

from borderwatch.analysis import briefing_screen as screen
from borderwatch.analysis.asof import picture_as_of
from borderwatch.analysis.filters import Filters
from borderwatch.analysis.view import View
from borderwatch.data.freshness import DataStamp, check_failed_line, freshness_line, refresh_seconds
from borderwatch.data.problems import describe
from borderwatch.data.store import EventStore
from borderwatch.render.htmlsafe import escape, markdown_text
from borderwatch.render.htmltable import html_table

PLAY_SECONDS = 4
LATEST = 3  # latest reports beside the map: as many as fit under the board in 24 px type


def show(
    store: EventStore, stamp: DataStamp | None, lo: dt.date, hi: dt.date, f: Filters,
    view: View, warnings: list[str],
) -> None:  # fmt: skip
    """The screen; page.css hides the sidebar and enlarges the type inside this container."""
    with st.container(key="briefing-screen"):
        for w in warnings:
            st.warning(markdown_text(w))
        # the URL's start wins
        play_from = f.start or screen.playback_start(store.span_counts(Filters()))
        f = f.clamp(lo, hi)
        last = f.end or hi  # clamp sets it; `or` tells the type checker
        switch, age = st.columns([1, 5], vertical_alignment="center")
        play = switch.toggle("Playback", value=view.play, key="play")
        with age:
            watch_data(stamp)
        ends = screen.playback_ends(max(min(play_from, last), lo), last)

        @st.fragment(run_every=PLAY_SECONDS if play else None)
        def board() -> None:
            step = st.session_state.get("play_step", 0) if play else len(ends) - 1
            end = ends[step % len(ends)]
            st.session_state["play_step"] = step + 1
            now = replace(f, start=ends[0] if play else f.start, end=end)
            st.title(f"BorderWatch — as of {end:%d %b %Y}")
            if play:  # keyed: page.css leaves the map a line less
                st.container(key="playback-caption").caption(
                    f"Playback {step % len(ends) + 1} of {len(ends)}: {end:%d %b %Y} "
                    f"(from {ends[0]:%d %b %Y}, a week a step)"
                )
            st.markdown(f"**Showing {store.count(now)} of {store.total} events**")
            map_col, side_col = st.columns([3, 2])
            with map_col:
                show_map(store, now, end, height=860, briefing_room=True)
            # keyed: page.css lays the board out as cards and ends it at the screen's edge
            with side_col, st.container(key="briefing-side"):
                st.subheader("Border crossings")
                picture = picture_as_of(
                    store.state_events(end), store.crossings, store.places, end, f.stale_days
                )
                board = screen.wall_board(picture)
                st.html(html_table(board, "bw-board", value_classes=["Status"]))
                st.caption(
                    f"As known on {end:%d %b %Y}: only reports certain to have happened by "
                    f"then. UNCONFIRMED: the last report is over {f.stale_days} days old."
                )
                summary = screen.control_summary(picture)
                st.html(f'<p class="bw-control">{escape(summary)}</p>')
                st.subheader("Latest reports")
                latest = store.rows(now, limit=LATEST, order="latest", known_by=end)
                st.html(html_table(screen.latest_events(latest, LATEST, end), "bw-latest"))

        board()


def watch_data(drawn: DataStamp | None) -> None:
    """Checks the data's version every `refresh_seconds()` and redraws the whole page only
    when it moved (an editor's save, a changed folder); says when the data last changed
    and when it was last checked, or that the check failed."""

    @st.fragment(run_every=refresh_seconds())
    def check() -> None:
        now = dt.datetime.now(dt.UTC)
        try:
            current = data_stamp()
        except Exception as e:  # a folder being rewritten, a database away: say so, try again
            st.container(key="data-age").caption(markdown_text(check_failed_line(now, describe(e))))
            return
        if drawn is None or current.version != drawn.version:
            st.rerun()  # the page reads the new version's store and draws it
        st.container(key="data-age").caption(freshness_line(current, now, refresh_seconds()))

    check()
