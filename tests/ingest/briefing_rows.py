"""The candidate rows a test's own briefing text gives against the sample places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
from sample_data import places_frame

from borderwatch.ingest.extract import extract_candidates

PLACES_DF = places_frame()


def briefing_rows(text: str, published: dt.date) -> pd.DataFrame:
    """The candidate rows of `text`, published on `published`, against the sample places."""
    return extract_candidates(text, published, "TEST-BRIEF", PLACES_DF)


def rows_published(published: dt.date) -> Callable[[str], pd.DataFrame]:
    """`briefing_rows` for texts that all bear one publication date."""
    return lambda text: briefing_rows(text, published)
