"""Widgets of the Add events page around the review: who may save, and the save itself.

Layout only: who is an editor is `borderwatch.access`, saving is the `Target`'s.
Saving is checked again on the server at every click, whatever the page showed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from borderwatch.access import Access, Editors, NotAnEditor, decide
from borderwatch.data.problems import describe
from borderwatch.db.target import Saved, Target
from borderwatch.ingest import store
from borderwatch.ingest.review import Review
from borderwatch.render.htmlsafe import markdown_text

SAVING = "saving"
"""Session state naming the save under way (`Saving`), until its outcome is recorded."""


@dataclass
class Saving:
    """A save under way in one run of the session, and its outcome once `done`.

    Streamlit starts a new run as soon as the page asks for one (another click, the
    connection coming back) and stops the old run at its next drawing or session-state
    access. A run stopped while saving still saves, but can record nothing: its outcome
    is kept here, outside session state, for the run that took over (`wait_for_save`).
    """

    done: threading.Event = field(default_factory=threading.Event)
    saved: Saved | None = None
    error: str | None = None


def editing_access() -> Access:
    """Who this session is and whether they may save, decided on the server."""
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    user = st.user.to_dict() if secrets.get("auth") else None
    return decide(secrets.get("auth"), Editors.from_secrets(secrets.get("editors")), user)


def access_banner(access: Access) -> None:
    """What this session may do, with the Sign in or Sign out button."""
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


def saved_message() -> None:
    """What the last save did, until the next review starts.

    Not only on the run after the save: any rerun before the editor looks (a dropped
    connection coming back, a click elsewhere) would take the only word of it away.
    """
    wait_for_save()
    if "saved" not in st.session_state:
        return
    if "review" in st.session_state:  # a new upload or briefing since the save
        del st.session_state["saved"]
        return
    saved = st.session_state["saved"]
    st.success(
        f"Saved {saved.added} events to {markdown_text(saved.where)} "
        f"({markdown_text(saved.ids_text())}). {markdown_text(saved.details[0])}"
    )
    if saved.details[1:]:
        st.code("\n".join(saved.details[1:]), language=None)


def wait_for_save() -> None:
    """Wait for a save an earlier run of this session started, and record what it did."""
    saving: Saving | None = st.session_state.get(SAVING)
    if saving is None:
        return
    with st.spinner("Saving…"):
        saving.done.wait()
    record_save(saving)


def record_save(saving: Saving) -> None:
    """Show a failed save's reason, or keep what the save did and rerun to show it.

    Every step may be done twice (by the saving run, then by the run that took over
    when the first was stopped half-way), and `SAVING` goes last, so none is missed.
    """
    if saving.error is not None:
        st.session_state.pop(SAVING, None)
        st.error("Nothing was saved:")
        st.code(saving.error, language=None)
        return
    # Nothing cached is cleared: the map's store is keyed by the data's version (the
    # folder's stamp, the database's count of changes), so it reads the new rows; and
    # clearing would drop what every session on the server loaded once (the place
    # finder, the database's store).
    st.session_state.pop("review", None)
    st.session_state.saved = saving.saved
    st.session_state.pop(SAVING, None)
    st.rerun()


def downloads_instead(target: Target, rows: pd.DataFrame, review: Review, ready: bool) -> None:
    """Where the data cannot be written: the updated tables to download instead."""
    st.warning("Saving here is not possible, so download the updated tables instead:")
    st.code(target.read_only_reason() or "", language=None)
    try:
        tables = store.updated_tables(target.data_dir, rows, review.file, review.sources)
    except Exception as e:  # the folder changed since the check above
        st.code(describe(e), language=None)
        tables = {}
    if ready:
        for name, content in tables.items():
            mime = "application/vnd.apache.parquet" if name.endswith(".parquet") else "text/csv"
            st.download_button(f"Download {name}", content, file_name=name, mime=mime)


def save_button(
    target: Target, access: Access, rows: pd.DataFrame, review: Review, ready: bool
) -> None:
    """Shown to everyone, enabled for editors; the click is checked again on the server."""
    save = st.button(
        f"Save {len(rows)} rows to {markdown_text(target.label)}",
        type="primary",
        disabled=not ready or not access.editor,
        key="save",
        help=None if access.editor else markdown_text(access.message),
    )
    if not save:
        return
    saving = Saving()
    st.session_state[SAVING] = saving
    try:
        saving.saved = target.save(rows, review.file, review.sources, access.require_editor())
    except (NotAnEditor, store.ReadOnlyData, TimeoutError) as e:
        saving.error = str(e)
    except Exception as e:  # the table changed under us since the check above, or worse
        saving.error = describe(e)
    finally:
        saving.done.set()
    record_save(saving)
