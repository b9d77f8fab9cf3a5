"""Add events: upload an ACLED / UCDP GED export or a tidy CSV, or paste a briefing.

Widgets only; reading, checking and saving are `borderwatch.ingest` functions, into
the data folder or, with BORDERWATCH_DATABASE_URL, the database (`Target`). Only
editors save (`borderwatch.access`): the check runs on the server at every save.
User text is shown in tables and code blocks, never as Markdown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

try:
    import borderwatch  # noqa: F401
except ImportError:  # Community Cloud may run the app without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # dashboard/: briefing_review

import briefing_review as br
import streamlit as st

from borderwatch.access import Access, Editors, NotAnEditor, decide
from borderwatch.data import vocab
from borderwatch.data.loader import default_data_dir
from borderwatch.data.problems import describe
from borderwatch.db import database_url
from borderwatch.db.target import Target
from borderwatch.ingest import decisions, ids, store
from borderwatch.ingest.extract import STATUSES
from borderwatch.ingest.review import (
    REVIEW_ONLY,
    Review,
    choices,
    duplicate_table,
    flag_duplicates,
    problem_table,
    review_briefing,
    review_upload,
    rows_to_save,
    table_problems,
)
from borderwatch.ingest.upload import MAX_BYTES, read_upload
from borderwatch.render.htmlsafe import markdown_text


def editing_access() -> Access:
    """Who this session is and whether they may save, decided on the server."""
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    user = st.user.to_dict() if secrets.get("auth") else None
    return decide(secrets.get("auth"), Editors.from_secrets(secrets.get("editors")), user)


def access_banner(access: Access) -> None:
    if access.mode == "local":
        st.warning(markdown_text(access.message))
    elif access.mode == "off":
        st.info(markdown_text(access.message))
    elif access.signed_in:
        c1, c2 = st.columns([5, 1])
        (c1.success if access.editor else c1.warning)(markdown_text(access.message))
        c2.button("Sign out", on_click=st.logout, key="sign_out")
    else:
        c1, c2 = st.columns([5, 1])
        c1.info(markdown_text(access.message))
        c2.button("Sign in", on_click=st.login, key="sign_in", type="primary")


st.set_page_config(page_title="BorderWatch · Add events", layout="wide")
st.title("Add events")
access = editing_access()
access_banner(access)

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
    uploaded = st.file_uploader(
        "ACLED export, UCDP GED export, BorderWatch events CSV, or a briefing (.txt)",
        type=["csv", "txt"],
        key="upload",
        help=f"At most {MAX_BYTES // 2**20} MiB, UTF-8. A .txt briefing takes its "
        "publication date and source from the 'Paste a briefing' tab.",
    )
with paste_tab:
    pasted, published, source_id, from_text = br.briefing_inputs(source_ids)

review_key = None
if uploaded is not None:
    data = uploaded.getvalue()
    stamp = f"{published}{source_id}".encode()
    review_key = "file-" + hashlib.sha1(uploaded.name.encode() + data + stamp).hexdigest()[:12]
    if st.session_state.get("review_key") != review_key:
        try:
            up = read_upload(uploaded.name, data)
            if up.format == "briefing":
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
        st.session_state.review, st.session_state.review_key = review, review_key
elif from_text and pasted.strip() and published and source_id:
    review_key = "text-" + hashlib.sha1(f"{pasted}{published}{source_id}".encode()).hexdigest()[:12]
    try:
        places, found = target.places(), br.finder(target.data_dir)
        review = review_briefing(pasted, published, source_id, places, finder=found)
    except Exception as e:
        st.error("No candidates could be made from this text:")
        st.code(describe(e), language=None)
        st.stop()
    st.session_state.review = flag_duplicates(review, existing, context.gazetteer)
    st.session_state.review_key = review_key

if "saved" in st.session_state:
    saved = st.session_state.pop("saved")
    st.success(
        f"Saved {saved.added} events to {markdown_text(saved.where)} "
        f"({markdown_text(saved.ids_text())}). {markdown_text(saved.details[0])}"
    )
    if saved.details[1:]:
        st.code("\n".join(saved.details[1:]), language=None)

current: Review | None = st.session_state.get("review")
if current is None:
    st.info("Upload a file or paste a briefing to start.")
    st.stop()
review = current

if review.kind == "briefing":
    br.candidate_list()
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
dropdowns = {
    "event_type": vocab.EVENT_TYPES,
    "date_precision": vocab.DATE_PRECISIONS,
    "geo_precision": vocab.GEO_PRECISIONS,
    "confidence": vocab.CONFIDENCES,
    "control": vocab.CONTROL_STATES,
    "status": STATUSES,
}
column_config = {
    **{
        c: st.column_config.SelectboxColumn(options=choices(review.rows, c, allowed))
        for c, allowed in dropdowns.items()
    },
    **{c: st.column_config.TextColumn(disabled=True) for c in REVIEW_ONLY if c != "status"},
}
edited = st.data_editor(
    shown,
    key=br.editor_key(),
    num_rows="fixed" if review.kind == "briefing" else "dynamic",
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
        f"{len(dupes)} row(s) may repeat events already in the table (same place, type and "
        "overlapping dates, similar summary). Delete them, or keep them if they are different "
        "events: saving keeps them."
    )
    st.dataframe(dupes, hide_index=True, width="stretch", key="duplicates")

rows = rows_to_save(edited)
reason = target.read_only_reason()
if reason and access.editor:
    st.warning("Saving here is not possible, so download the updated tables instead:")
    st.code(reason, language=None)
    try:
        tables = store.updated_tables(target.data_dir, rows, review.file, review.sources)
    except Exception as e:  # the folder changed since the check above
        st.code(describe(e), language=None)
        tables = {}
    if not problems and len(edited):
        for name, content in tables.items():
            mime = "application/vnd.apache.parquet" if name.endswith(".parquet") else "text/csv"
            st.download_button(f"Download {name}", content, file_name=name, mime=mime)
else:
    # Shown to everyone, enabled for editors; the click is checked again below.
    save = st.button(
        f"Save {len(edited)} rows to {markdown_text(target.label)}",
        type="primary",
        disabled=bool(problems) or len(edited) == 0 or not access.editor,
        key="save",
        help=None if access.editor else markdown_text(access.message),
    )
    if save:
        try:
            result = target.save(rows, review.file, review.sources, access.require_editor())
        except (NotAnEditor, store.ReadOnlyData, TimeoutError) as e:
            st.error("Nothing was saved:")
            st.code(str(e), language=None)
        except Exception as e:  # the table changed under us since the check above, or worse
            st.error("Nothing was saved:")
            st.code(describe(e), language=None)
        else:
            # The main page caches the data; drop it so the map shows the new rows.
            st.cache_data.clear()
            st.cache_resource.clear()
            del st.session_state["review"]
            st.session_state.saved = result
            st.rerun()
