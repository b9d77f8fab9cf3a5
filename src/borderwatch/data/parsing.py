"""Text columns to typed ones, fast: dates and numbers without a Python object per row.

Used by the validation (`schema`) and by the loader's typing of validated columns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc


def parse_dates(s: pd.Series) -> pd.Series:
    """Text as `YYYY-MM-DD` dates, NaT where it is not one (blank, malformed, impossible).

    Same result as `pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")`, except
    that year 0000 (which pandas accepts and Python's dates cannot format) is NaT,
    and each distinct value is parsed once: a million rows hold a few thousand
    dates, and no Python object is made per row.
    """
    codes, uniques = pd.factorize(s)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object), format="%Y-%m-%d", errors="coerce")
    parsed = parsed.where(parsed.dt.year > 0)
    values = parsed.to_numpy()
    # Code -1 (a missing value) picks the NaT appended at the end.
    values = np.append(values, np.array(["NaT"], dtype=values.dtype))
    return pd.Series(values[codes], index=s.index, name=s.name)


def parse_numbers(s: pd.Series) -> pd.Series:
    """Text as floats, NaN where blank or not a number (as `pd.to_numeric(errors="coerce")`).

    Arrow parses plain decimal numbers to the same doubles without a Python object
    per row; anything it refuses (" 1.5", "1,5", ...) goes through pandas instead.
    """
    try:
        arr = pyarrow.array(s.array)
        if not len(s) or not (
            pyarrow.types.is_string(arr.type) or pyarrow.types.is_large_string(arr.type)
        ):
            raise TypeError(arr.type)
        values = pc.cast(pc.if_else(pc.equal(arr, ""), None, arr), pyarrow.float64())
        if (
            values.null_count == 0
            and pc.all(pc.match_substring_regex(arr, r"^\s*[+-]?\d+\s*$")).as_py()
        ):
            raise TypeError("all integers: pandas makes them int64")
        return pd.Series(
            values.to_numpy(zero_copy_only=False), index=s.index, name=s.name, dtype="float64"
        )
    except (pyarrow.ArrowException, TypeError):
        return pd.to_numeric(s.where(s != ""), errors="coerce")
