"""Widgets of the Add events page for briefing candidates: accept, merge or drop each in one click.

Layout only; the decisions are `borderwatch.ingest.decisions` functions. The
sentence a candidate comes from is shown as plain text, never as Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import streamlit as st

from borderwatch.data.gazetteer import Gazetteer
from borderwatch.data.loader import load_places
from borderwatch.ingest import decisions, nlp
from borderwatch.ingest.places import PlaceFinder

STATE = "review"
VERSION = "review_version"
BATCH = 20
"""Candidates drawn at once: a page-length briefing gives a hundred, and each is a bordered
box of texts and three buttons, so drawing them all made every click wait for ~700 elements;
deciding from the top refills the list, and "Show more" reaches the rest."""


@st.cache_resource(show_spinner="Loading the language model and GeoNames (once per server)…")
def place_finder(data_dir: str, places_stamp: float) -> PlaceFinder:
    """The spaCy model loaded and a place finder built once per server and gazetteer version."""
    nlp.pipeline()
    finder = PlaceFinder(load_places(data_dir), outlines=Path(data_dir) / "borders.geojson")
    finder.warm_up()
    return finder


def briefing_inputs(source_ids: list[str]) -> tuple[str, dt.date | None, str | None, bool]:
    """The briefing's text, publication date and source, and whether to extract now.

    No defaults: a wrong date misdates every weekday and "two days later", a wrong
    source misattributes every row; the button waits until both are chosen.
    """
    pasted = st.text_area("Briefing text", height=200, key="pasted")
    c1, c2 = st.columns(2)
    published = c1.date_input("Published", value=None, key="published")
    source_id = c2.selectbox(
        "Source (sources.csv)", source_ids, index=None, key="source_id", placeholder="Choose…"
    )
    missing = [n for n, v in (("publication date", published), ("source", source_id)) if not v]
    if missing:
        st.caption(f"Set the {' and the '.join(missing)} to find candidate events.")
    go = st.button("Find candidate events", key="extract", disabled=bool(missing))
    return pasted, published, source_id, go  # type: ignore[return-value]


def finder(data_dir: Path) -> PlaceFinder:
    """The server's place finder for `data_dir` (rebuilt when places.csv changes)."""
    return place_finder(str(data_dir), (Path(data_dir) / "places.csv").stat().st_mtime)


def editor_key() -> str:
    """Key of the accepted-rows table; a new one after each decision so it shows the new rows."""
    return f"rows-{st.session_state.review_key}-{st.session_state.get(VERSION, 0)}"


def _decide(action: str, n: int, into: int | None = None) -> None:
    review = st.session_state[STATE]
    rows = review.rows
    # Keep what the editor typed in the accepted table before it is redrawn.
    edits = st.session_state.get(editor_key(), {}).get("edited_rows", {})
    rows = decisions.apply_edits(rows, decisions.accepted(rows).index, edits)
    if action == "accept":
        rows = decisions.accept(rows, n)
    elif action == "merge" and into is not None:
        rows = decisions.merge(rows, n, into)
    else:
        rows = decisions.drop(rows, n)
    st.session_state[STATE] = replace(review, rows=rows)
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


def candidate_list(gazetteer: Gazetteer | None) -> None:
    """Each undecided candidate with its sentence, what it still lacks, and three buttons."""
    review = st.session_state[STATE]
    rows = review.rows
    todo = decisions.undecided(rows)
    targets = decisions.merge_targets(rows)
    st.subheader(f"Candidates to decide: {len(todo)} (accepted: {len(decisions.accepted(rows))})")
    st.caption(
        "Accept adds the candidate to the table below (confidence 'reported'); merge folds it "
        "into the row at the same place; drop discards it. Only accepted rows are saved; "
        "ids are given when they are saved."
    )
    shown_key = f"shown-{st.session_state.get('review_key')}"
    shown = st.session_state.get(shown_key, BATCH)
    for n, row in todo.head(shown).iterrows():
        with st.container(border=True):
            info, b1, b2, b3 = st.columns([7, 2, 2, 1])
            info.text(decisions.label(row))
            info.text(row.get("evidence_sentence", ""))
            if row.get("possible_duplicate_of"):
                info.text(f"May repeat {row['possible_duplicate_of']}")
            for note in (
                decisions.date_note(row, review.published),
                decisions.location_note(row, gazetteer),
            ):
                if note:
                    info.text(note)
            target = targets[int(n)]
            b1.button("Accept", key=f"accept-{n}", on_click=_decide, args=("accept", n))
            b2.button(
                f"Merge into #{target}" if target else "Merge",
                key=f"merge-{n}",
                disabled=target is None,
                on_click=_decide,
                args=("merge", n, target),
            )
            b3.button("Drop", key=f"drop-{n}", on_click=_decide, args=("drop", n))
    if len(todo) > shown:
        st.caption(f"Showing the first {shown} of {len(todo)} undecided candidates.")
        more, every = st.columns(2)
        more.button(
            f"Show {min(BATCH, len(todo) - shown)} more",
            key="more-candidates",
            on_click=_show,
            args=(shown_key, shown + BATCH),
        )
        every.button(
            f"Show all {len(todo)}",
            key="all-candidates",
            on_click=_show,
            args=(shown_key, len(rows)),
        )


def _show(shown_key: str, count: int) -> None:
    st.session_state[shown_key] = count
