"""Add events: upload an ACLED / UCDP GED export or a tidy CSV, or paste a briefing.

Widgets only; reading, checking and saving are `borderwatch.ingest` functions, into
the data folder or, with BORDERWATCH_DATABASE_URL, the database (`Target`). Only
editors save (`borderwatch.access`): the check runs on the server at every save.
User text is shown in tables and code blocks, never as Markdown.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

try:
    import borderwatch  # noqa: F401
except ImportError:  # Community Cloud may run the app without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # dashboard/: the page's parts

import briefing_text as br
import editor_parts as ed
import streamlit as st

from borderwatch.data.loader import default_data_dir
from borderwatch.data.problems import describe
from borderwatch.db import database_url
from borderwatch.db.target import Target
from borderwatch.ingest import decisions, ids
from borderwatch.ingest.review import (
    REVIEW_ONLY,
    Review,
    dropdown_options,
    duplicate_table,
    flag_duplicates,
    problem_table,
    review_briefing,
    review_key,
    review_upload,
    rows_to_save,
    table_problems,
)
from borderwatch.ingest.upload import MAX_BYTES, read_upload
from borderwatch.render.htmlsafe import markdown_text

st.set_page_config(page_title="BorderWatch · Add events", layout="wide")
st.title("Add events")
access = ed.editing_access()
ed.access_banner(access)

target = Target(default_data_dir(), database_url())
try:
    context = target.context()
    existing = target.existing()
    source_ids = target.source_ids()
except Exception as e:  # any error in the data is a report on the page, never a traceback
    st.error(
        f"The data in {markdown_text(target.label)} has problems; fix them before adding events."
    )
    st.code(describe(e), language=None)
    st.stop()

upload_tab, paste_tab = st.tabs(["Upload a file", "Paste a briefing"])

with upload_tab:
    # No `type=` filter: Streamlit would raise on a file of another kind (a client can send
    # one) before this page runs; `read_upload` refuses it with a clear message instead.
    uploaded = st.file_uploader(
        "ACLED export, UCDP GED export, BorderWatch events CSV (.csv), or a briefing (.txt)",
        key="upload",
        help=f"At most {MAX_BYTES // 2**20} MiB, UTF-8. A .txt briefing takes its "
        "publication date and source from the 'Paste a briefing' tab.",
    )
with paste_tab:
    pasted, published, source_id, from_text = br.briefing_inputs(source_ids)

if uploaded is not None:
    data = uploaded.getvalue()
    key = review_key("file", uploaded.name, data, published, source_id)
    if st.session_state.get("review_key") != key:
        try:
            up = read_upload(uploaded.name, data)
            if up.format == "briefing_text":
                if published is None or source_id is None:
                    st.warning("Set the publication date and the source in 'Paste a briefing'.")
                    st.stop()
                places, found = target.places(), br.finder(target.data_dir)
                review = review_briefing(up.text, published, source_id, places, up.name, found)
            else:
                review = review_upload(up, dt.date.today())
        except Exception as e:  # a hostile or broken file is a message, never a traceback
            st.error("This file cannot be used:")
            st.code(describe(e), language=None)
            st.stop()
        review = flag_duplicates(review, existing, context.gazetteer)
        st.session_state.review, st.session_state.review_key = review, key
elif from_text and pasted.strip() and published and source_id:
    try:
        places, found = target.places(), br.finder(target.data_dir)
        review = review_briefing(pasted, published, source_id, places, finder=found)
    except Exception as e:
        st.error("No candidates could be made from this text:")
        st.code(describe(e), language=None)
        st.stop()
    st.session_state.review = flag_duplicates(review, existing, context.gazetteer)
    st.session_state.review_key = review_key("text", pasted, published, source_id)

ed.saved_message()

current: Review | None = st.session_state.get("review")
if current is None:
    st.info("Upload a file or paste a briefing to start.")
    st.stop()
review = current

if review.kind == "briefing_text":
    br.candidate_list(context.gazetteer)
    review = st.session_state.review
    shown = decisions.accepted(review.rows)
    st.subheader(f"Accepted rows: {len(shown)}")
    st.caption(
        "Write each summary in your own words; correct any value before saving. "
        "A blank event_id gets the next free id (BW-year-number) when the rows are saved."
    )
else:
    shown = review.rows
    st.subheader(f"Review {len(review.rows)} rows")
    st.caption("Add or delete rows as needed.")
column_config = {
    **{
        c: st.column_config.SelectboxColumn(options=options)
        for c, options in dropdown_options(review.rows).items()
    },
    **{c: st.column_config.TextColumn(disabled=True) for c in REVIEW_ONLY if c != "status"},
}
edited = st.data_editor(
    shown,
    key=br.editor_key(),
    num_rows="fixed" if review.kind == "briefing_text" else "dynamic",
    column_config=column_config,
    hide_index=False,
    width="stretch",
)

# Blank ids are checked as the next free ones; the store gives the real ones under its lock.
checked = ids.assign_ids(edited, existing["event_id"])
problems = table_problems(checked, review, context)
if problems:
    st.error(f"{len(problems)} problem(s): fix or delete these rows before saving.")
    st.dataframe(problem_table(problems), hide_index=True, width="stretch")
elif len(edited) == 0:
    st.warning("There are no rows to save.")
else:
    st.success(f"All {len(edited)} rows are valid.")
dupes = duplicate_table(edited, existing, context.gazetteer)
if len(dupes):
    st.warning(
        f"{len(dupes)} row(s) may repeat events already in the table, or an earlier row here "
        "(same place, type and overlapping dates, similar summary). Delete them, or keep them "
        "if they are different events: saving keeps them."
    )
    st.dataframe(dupes, hide_index=True, width="stretch", key="duplicates")

rows = rows_to_save(edited)
ready = not problems and len(edited) > 0
if target.read_only_reason() and access.editor:
    ed.downloads_instead(target, rows, review, ready)
else:
    ed.save_button(target, access, rows, review, ready)
