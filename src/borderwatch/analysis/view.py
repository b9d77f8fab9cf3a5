"""How the page shows the filtered events, apart from which events: the screen and playback.

`Filters` says which events; `View` says how they are shown: at the analyst's
desk or on the unattended briefing screen, and whether the briefing screen plays
through time. Both travel in the page address; `read_query` parses them together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from borderwatch.analysis.filters import Filters
from borderwatch.data.problems import show

SCREENS: tuple[str, ...] = ("analyst", "briefing")
QUERY_KEYS: tuple[str, ...] = ("start", "end", "country", "type", "q", "stale", "mode", "play")
"""Every query parameter the page reads."""


@dataclass(frozen=True)
class View:
    """Which screen (`mode`: analyst or briefing) and whether the briefing screen plays back."""

    mode: str = "analyst"
    play: bool = False

    def to_query(self) -> dict[str, list[str]]:
        """Query-string form: mode (when not the analyst's), play=1 (when playing)."""
        out: dict[str, list[str]] = {}
        if self.mode != "analyst":
            out["mode"] = [self.mode]
        if self.play:
            out["play"] = ["1"]
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, Sequence[str] | str]) -> tuple[View, list[str]]:
        """Parse `mode` and `play`; an unknown mode is ignored with a warning."""
        warnings: list[str] = []

        def last(key: str) -> str | None:
            v = params.get(key, [])
            values = [v] if isinstance(v, str) else list(v)
            return values[-1] if values else None

        mode = last("mode") or "analyst"
        if mode not in SCREENS:
            warnings.append(f"Ignored mode={show(mode)}: use one of {', '.join(SCREENS)}.")
            mode = "analyst"
        return cls(mode, (last("play") or "") not in ("", "0")), warnings


def read_query(params: Mapping[str, Sequence[str] | str]) -> tuple[Filters, View, list[str]]:
    """The filters and the view a page address asks for, and a warning per value ignored."""
    filters, warnings = Filters.from_query(params)
    view, more = View.from_query(params)
    return filters, view, warnings + more


def query_string(filters: Filters, view: View) -> str:
    """'?start=…&mode=briefing'-style address of `filters` shown in `view`."""
    return "?" + urlencode({**filters.to_query(), **view.to_query()}, doseq=True)
