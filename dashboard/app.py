"""BorderWatch: `streamlit run dashboard/app.py` from the repository root.

Serves the main page, `BorderWatch.py`, with Streamlit's `st.App`, whose start-up
hook begins importing libraries and loading the data before the first browser
connects (see `borderwatch.warmup`). The pages themselves are in `BorderWatch.py`
and `pages/`.
"""

from __future__ import annotations

import sys
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

try:
    from borderwatch.memory import hand_back_large_blocks
    from borderwatch.warmup import warm_up
except ImportError:  # Community Cloud may run the app without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from borderwatch.memory import hand_back_large_blocks
    from borderwatch.warmup import warm_up


@asynccontextmanager
async def lifespan(_app):
    # before any page runs: freed arrays go back to the system, not to per-thread arenas
    hand_back_large_blocks()
    threading.Thread(target=warm_up, name="borderwatch-warm-up", daemon=True).start()
    yield


app = st.App("BorderWatch.py", lifespan=lifespan)
