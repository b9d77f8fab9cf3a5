"""The page's one stylesheet, and the state colours that the map and the page share.

`page.css` beside this module holds every rule of the Streamlit pages; the colours
of crossing status and district control are defined here once and reach the
stylesheet as CSS variables (`--bw-<state>`), so the board and the map agree.
"""

from __future__ import annotations

import functools
from pathlib import Path

from borderwatch.data.vocab import NO_REPORT
from borderwatch.render.htmltable import css_token

STATUS_COLORS: dict[str, str] = {
    "open": "#27ae60",
    "closed": "#c0392b",
    "threatened": "#e67e22",
    NO_REPORT: "#7f8c8d",
}
CONTROL_COLORS: dict[str, str] = {
    "taliban": "#6c3483",
    "government": "#1f618d",
    "contested": "#d4ac0d",
    "resistance": "#117a65",
}
STYLESHEET = Path(__file__).with_name("page.css")


@functools.cache
def page_css() -> str:
    """`page.css` after a `:root` block defining `--bw-<state>` for every state colour."""
    colors = {**STATUS_COLORS, **CONTROL_COLORS}
    variables = "".join(f"--bw-{css_token(k)}:{v};" for k, v in colors.items())
    return f"<style>\n:root {{{variables}}}\n{STYLESHEET.read_text(encoding='utf-8')}</style>"
