"""Work the first page would do, done while the browser is still loading Streamlit.

`dashboard/app.py` starts `warm_up` in a thread when the server starts. Until the
first visitor's page asks for its script (about 0.8 s later on a 2-core machine),
the server is idle; importing pandas and folium and loading the data snapshot in
that time took ~0.45 s off the first map. The map's country outlines are read
here too (`build.map_outlines`, cached per file). streamlit-folium is not
imported here: imported outside a script run at start-up, its map component
stayed blank.
"""

from __future__ import annotations

import logging
from pathlib import Path

_LOG = logging.getLogger(__name__)


def warm_up(data_dir: Path | str | None = None) -> None:
    """Import the first page's libraries, open the data's store, read the outlines.

    Never raises: a data folder with problems is reported by the page itself.
    """
    try:
        from borderwatch.data.store import open_store

        # data first: the page needs it before anything else costly (first start, when
        # validation still imported pandera: 3.00 s against 3.19 s with the imports first);
        # the page gets this very store, whatever the folder's size (one load per version)
        store = open_store(data_dir)
        import folium.plugins  # noqa: F401

        from borderwatch.map import build

        build.map_outlines(store.data_dir)
    except Exception:
        _LOG.info("warm-up stopped early; the page loads the data itself", exc_info=True)
