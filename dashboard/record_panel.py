"""The record beside the map: the chosen event's every field, its source and its history.

Layout only; the record and the source come from the store, the history from the
database when there is one. All of it is shown as text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from borderwatch.data.store import EventStore
from borderwatch.db import database_url
from borderwatch.db.reads import history
from borderwatch.db.schema import connect
from borderwatch.render.htmlsafe import markdown_text, safe_url
from borderwatch.render.htmltable import html_table


def record_panel(store: EventStore, event_id: str | None) -> None:
    """The record of `event_id`, or how to choose one."""
    if not event_id:
        st.info("Click a marker or a table row to see the event's full record.")
        return
    record = store.record(event_id)
    if record is None:
        st.info("The selected event is not in the data any more.")
        return
    st.subheader(markdown_text(event_id))
    fields = record.drop("event_id")
    st.html(html_table(pd.DataFrame({"Field": fields.index, "Value": fields.values})))
    source = store.source(record["source_id"])
    if source is not None:
        st.caption(
            markdown_text(
                f"Source: {source['title']} — {source['publisher']} {source['published']}".strip()
            )
        )
        if safe_url(source["url"]):
            st.link_button("Open the source", str(source["url"]).strip())
    url = database_url()
    if url:  # who added and changed it, and when
        with connect(url) as conn:
            changes = history(conn, "events", event_id)
        st.markdown("**History**")
        st.html(html_table(changes, "bw-history"))
