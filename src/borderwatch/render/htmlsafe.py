"""The one escaping helper: user text made safe for HTML and for folium's JS templates.

folium puts popup and tooltip text into a JavaScript template literal, where
`${...}` is evaluated and a backtick ends the string, so besides the usual HTML
characters the backtick and the dollar sign are turned into entities too.
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import urlsplit

_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;"})
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
"""Every ASCII punctuation character."""
_WWW = re.compile(r"www(?=\.)", re.IGNORECASE)


def markdown_text(value: object) -> str:
    """Text that Streamlit's Markdown (st.warning, st.caption, st.subheader …) shows as typed.

    Every ASCII punctuation character becomes a numeric character reference
    (`[` → `&#91;`), which Markdown shows as the character and never acts on: no
    link, image, emphasis, heading, HTML, :emoji: or :material/icon: code,
    $maths$. Streamlit still turns bare `http://…`, `www.…` and e-mail addresses
    in the decoded text into links, so an invisible WORD JOINER (U+2060) goes
    before every `:` and `@` and after `www`, which those patterns cannot span.
    Line breaks become spaces.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = " ".join(str(value).splitlines())
    text = _WWW.sub("\\g<0>\u2060", text.replace(":", "\u2060:").replace("@", "\u2060@"))
    return _PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};", text)


def escape(value: object) -> str:
    """Text safe inside HTML, attributes and folium's template literals.

    None and NaN become "" so that blank cells never show as 'nan'.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if text in {"nan", "NaT", "<NA>"}:
        return ""
    return html.escape(text, quote=True).translate(_EXTRA)


def safe_url(value: object) -> str:
    """An escaped http(s) URL, or "" for anything else (javascript:, data:, blanks)."""
    text = "" if value is None else str(value).strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return ""
    if scheme not in {"http", "https"}:
        return ""
    return escape(text)
