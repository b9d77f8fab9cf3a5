"""Frames as escaped HTML tables, for text that must show exactly as written.

Streamlit's `st.table` renders Markdown in cells (a backtick becomes code, `$`
starts maths); these tables go through `st.html` instead, with every cell and
header escaped, so an event summary always shows literally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from borderwatch.render.htmlsafe import escape

_CLASS_SAFE = re.compile(r"[^a-z0-9_-]+")


def css_token(value: object) -> str:
    """A value as a CSS class fragment: 'Closed ' -> 'closed', anything odd -> '-'."""
    return _CLASS_SAFE.sub("-", str(value).strip().lower())


def html_table(
    frame: pd.DataFrame, css_class: str = "bw-table", value_classes: Sequence[str] = ()
) -> str:
    """`frame` as a <table> with escaped headers and cells.

    Cells of the columns in `value_classes` also get the class `v-<value>`
    (e.g. `v-closed`), so that CSS can colour a status without parsing text.
    """
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for col, value in zip(frame.columns, values, strict=True):
            cls = f' class="v-{css_token(value)}"' if col in value_classes else ""
            cells.append(f"<td{cls}>{escape(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="{css_token(css_class)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
