"""BorderWatch's main page; `streamlit run dashboard/app.py` serves it (see app.py).

Widgets and layout only; every decision is a function in `borderwatch`. The page
is the analyst's desk (`analyst_desk.py`), or with `?mode=briefing` the unattended
briefing screen (`briefing_screen.py`). It also runs on its own
(`streamlit run dashboard/BorderWatch.py`), without the start-up warm-up.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

try:
    import borderwatch  # noqa: F401
except ImportError:  # Community Cloud may run the app without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
# The screens beside this file: `streamlit run` puts its folder on sys.path, AppTest does not
sys.path.insert(0, str(Path(__file__).resolve().parent))

import analyst_desk
import briefing_screen
import streamlit as st
from page_parts import data_stamp, event_store

from borderwatch.analysis.view import QUERY_KEYS, read_query
from borderwatch.data.problems import DataError, describe
from borderwatch.map import assets
from borderwatch.render.style import page_css

_LOG = logging.getLogger("borderwatch.page")


def main() -> None:
    params = {k: st.query_params.get_all(k) for k in QUERY_KEYS if k in st.query_params}
    filters, view, warnings = read_query(params)
    st.set_page_config(
        page_title="BorderWatch",
        page_icon="🗺️",
        layout="wide",
        initial_sidebar_state="collapsed" if view.mode == "briefing" else "expanded",
    )
    st.html(page_css())
    stamp = None
    try:
        if view.mode == "briefing":  # read first: a change while the store loads is seen later
            stamp = data_stamp()
        store = event_store()
    except Exception as e:  # any error in the data is a report on the page, never a traceback
        if not isinstance(e, DataError):
            _LOG.exception("reading the data folder failed")
        st.error("The data folder has problems; fix them and reload:")
        st.code(describe(e), language=None)
        if view.mode == "briefing":  # nobody reloads a wall: it comes back once they are fixed
            briefing_screen.watch_data(stamp)
        st.stop()
    if missing := assets.missing_assets():
        st.error(
            f"The map's scripts are missing from dashboard/static/vendor/ ({missing[0]}, …): "
            "restore them with `git checkout -- dashboard/static/vendor`."
        )
    try:
        lo, hi = store.span()
        if view.mode == "briefing":
            briefing_screen.show(store, stamp, lo, hi, filters, view, warnings)
        else:
            analyst_desk.show(store, lo, hi, filters, warnings)
    except Exception as e:  # Streamlit's stop and rerun are BaseExceptions and pass through
        _LOG.exception("drawing the page failed")
        st.error("This view could not be drawn from the data:")
        st.code(describe(e), language=None)


main()
