"""Validation problems: one clear message per bad field, naming file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHOWN_CHARS = 60
"""Longest piece of a value quoted in a message; longer values are cut and measured."""


def show(value: object, limit: int = SHOWN_CHARS) -> str:
    """`value` quoted for a message, shortened: 'Hairatan', or 'xxxx…' (20,000,000 characters)."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file.

    `line` is the 1-based physical line of the file (the header is line 1),
    or None when the problem concerns the whole file (its kind, size or format);
    `field` is the column, or None when the problem concerns the whole line. The
    message always says all three, plainly when there is none:
    `events.csv, line 3, field summary: …`, `events.csv, line 1, all fields: …`,
    `sources.csv, whole file (no line or field): …`.
    """

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        if self.line is None and not self.field:
            return f"{self.file}, whole file (no line or field): {self.message}"
        line = "no line" if self.line is None else f"line {self.line}"
        field = f"field {self.field}" if self.field else "all fields"
        return f"{self.file}, {line}, {field}: {self.message}"


class DataError(Exception):
    """Raised with the full list of problems when input cannot be loaded."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems, key=_sort_key)
        super().__init__(self.report())

    def report(self, limit: int | None = None) -> str:
        """All problems, one per line (the first `limit` if given, then a count)."""
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [str(p) for p in shown]
        if limit is not None and len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more problems")
        return "\n".join(lines)


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.line if p.line is not None else -1, p.field or "", p.message)


def describe(error: BaseException) -> str:
    """What a page shows for any error while reading or drawing data: text, no traceback.

    A DataError gives its report (the first 50 problems); anything else its type
    and message, shortened, and an OSError only the file's name (not the server's path).
    """
    if isinstance(error, DataError):
        return error.report(limit=50)
    if isinstance(error, OSError) and error.filename:
        text = f"{Path(str(error.filename)).name}: {error.strerror or type(error).__name__}"
    else:
        text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 300 else text[:300] + "…"
