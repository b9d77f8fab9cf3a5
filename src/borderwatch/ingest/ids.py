"""Event ids from the data's own scheme, `BW-<year of date_start>-<NNNN>`.

Ids are given when rows are saved, by the store, while it holds what keeps two
saves apart (the folder's lock, the database's transaction lock): two editors
saving at once each read the other's committed ids before numbering their own,
so the same id is never handed out twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

ID_PREFIX = "BW"
ID_PATTERN = re.compile(rf"^{ID_PREFIX}-(\d{{4}})-(\d{{4,}})$")


def years_needing_ids(rows: pd.DataFrame) -> list[str]:
    """The years (of `date_start`) of the rows whose `event_id` is blank."""
    blank = rows["event_id"].astype(str).str.strip() == ""
    years = rows.loc[blank, "date_start"].astype(str).str[:4]
    return sorted({y for y in years if re.fullmatch(r"\d{4}", y)})


def assign_ids(rows: pd.DataFrame, existing_ids: Iterable[str]) -> pd.DataFrame:
    """Blank `event_id`s filled: BW-<year of date_start>-<next number in that year>.

    Numbers continue after the highest one used in that year by `existing_ids` or
    by the rows themselves. A row without a valid `date_start` keeps its blank id
    (validation names the date).
    """
    top: dict[str, int] = {}
    for eid in [*existing_ids, *rows["event_id"]]:
        m = ID_PATTERN.match(str(eid))
        if m:
            top[m.group(1)] = max(top.get(m.group(1), 0), int(m.group(2)))
    out = rows.copy()
    for label, row in out.iterrows():
        year = str(row["date_start"])[:4]
        if str(row["event_id"]).strip() or not re.fullmatch(r"\d{4}", year):
            continue
        top[year] = top.get(year, 0) + 1
        out.loc[label, "event_id"] = f"{ID_PREFIX}-{year}-{top[year]:04d}"
    return out
