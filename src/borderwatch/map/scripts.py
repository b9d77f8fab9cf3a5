"""The JavaScript programs of the map's elements, kept in `.js` files beside this module.

Each file defines functions only (eslint checks them as browser scripts); an
element's template puts the program inside its own function scope and calls it
with that element's data, so nothing leaks into the page's globals.
"""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def program(*names: str) -> str:
    """The text of the `.js` files `names` (in `borderwatch/map/`), one after another."""
    here = Path(__file__).parent
    return "\n".join((here / name).read_text(encoding="utf-8") for name in names)
