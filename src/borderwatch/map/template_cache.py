"""One compile per distinct text for the Jinja templates branca makes while rendering a map.

branca wraps the rendered script of every element in a new `Element`, which compiles
that text as a Jinja template. streamlit-folium renders every layer on every rerun, and
the crossings and districts render to the same text each time: at 100,000 events those
compiles (about 90 per rerun) took a third of the server's time for a filter change.
A compiled template is only ever rendered, never changed, so equal texts can share one.
"""

from __future__ import annotations

import functools

import branca.element
import jinja2

TEMPLATES_KEPT = 4096
LONGEST = 20_000
"""Longer texts (none of the per-element scripts) are compiled as before, not kept."""


@functools.lru_cache(maxsize=TEMPLATES_KEPT)
def _compiled(source: str) -> jinja2.Template:
    return jinja2.Template(source)


def template(source: str) -> jinja2.Template:
    """`jinja2.Template(source)`, compiled once per distinct (short) text."""
    if isinstance(source, str) and len(source) <= LONGEST:
        return _compiled(source)
    return jinja2.Template(source)


def install() -> None:
    """Make branca's `Element` take its templates from `template` (idempotent)."""
    branca.element.Template = template  # type: ignore[assignment,misc]
