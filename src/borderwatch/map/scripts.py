"""The JavaScript programs and stylesheets of the map's elements, kept in `.js` and
`.css` files beside this module.

Each `.js` file defines functions only (eslint checks them as browser scripts); an
element's template puts the program inside its own function scope and calls it
with that element's data, so nothing leaks into the page's globals. The `.css`
files go into the map page's header as one `<style>` block (see `build.base_map`).
"""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def program(*names: str) -> str:
    """The text of the `.js` files `names` (in `borderwatch/map/`), one after another."""
    here = Path(__file__).parent
    return "\n".join((here / name).read_text(encoding="utf-8") for name in names)


@functools.cache
def stylesheet(*names: str) -> str:
    """The `.css` files `names` (in `borderwatch/map/`) as one `<style>` element."""
    here = Path(__file__).parent
    css = "\n".join((here / name).read_text(encoding="utf-8") for name in names)
    return f"<style>\n{css}</style>\n"
