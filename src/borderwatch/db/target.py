"""Where the Add events page checks and saves rows: the data folder, or the database.

The page asks one `Target` for what rows are checked against and to save them,
so it reads the same on either store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from borderwatch.data.loader import load_places, load_sources
from borderwatch.db.schema import EVENTS, PLACES, SOURCES, connect
from borderwatch.db.transfer import read_text_table
from borderwatch.db.writes import save_events, store_context
from borderwatch.ingest import store
from borderwatch.ingest.review import existing_events
from borderwatch.ingest.tidy import Context, context_for


@dataclass(frozen=True)
class Saved:
    """What a save did, in words for the page."""

    added: int
    where: str
    details: list[str] = field(default_factory=list)
    event_ids: tuple[str, ...] = ()
    """The saved rows' ids, blank ones given by the store as it saved them."""

    def ids_text(self) -> str:
        """The ids in a few words: 'BW-2021-0080 … BW-2021-0083' for a run of them."""
        if len(self.event_ids) <= 3:
            return ", ".join(self.event_ids)
        return f"{self.event_ids[0]} … {self.event_ids[-1]}"


@dataclass(frozen=True)
class Target:
    """The data folder `data_dir`, or the database at `url` when one is set."""

    data_dir: Path
    url: str | None = None

    @property
    def label(self) -> str:
        return "the database" if self.url else f"{self.data_dir.name}/"

    def context(self) -> Context:
        """The source ids and gazetteer new rows are checked against."""
        if self.url:
            with connect(self.url) as conn:
                return store_context(conn)
        return context_for(self.data_dir)

    def existing(self) -> pd.DataFrame:
        """The event table as text, to flag possible duplicates."""
        if self.url:
            with connect(self.url) as conn:
                return read_text_table(conn, EVENTS)
        return existing_events(self.data_dir)

    def places(self) -> pd.DataFrame:
        """The gazetteer's places, coordinates as floats."""
        if self.url:
            with connect(self.url) as conn:
                places = read_text_table(conn, PLACES)
            return places.astype({"latitude": float, "longitude": float})
        return load_places(self.data_dir)

    def source_ids(self) -> list[str]:
        if self.url:
            with connect(self.url) as conn:
                return sorted(read_text_table(conn, SOURCES)["source_id"])
        return sorted(load_sources(self.data_dir)["source_id"])

    def read_only_reason(self) -> str | None:
        """Why saving is impossible here whoever asks (a folder on a disk that is not kept)."""
        return None if self.url else store.read_only_reason(self.data_dir)

    def save(
        self, rows: pd.DataFrame, file: str, sources: Sequence[Mapping[str, str]], editor: str
    ) -> Saved:
        """Save `rows` as `editor` (who must already be checked: `Access.require_editor`)."""
        if self.url:
            with connect(self.url) as conn:
                result = save_events(conn, rows, file, editor, sources)
            return Saved(
                result.added,
                self.label,
                [f"Recorded in the change history as {editor}."],
                result.event_ids,
            )
        folder = store.append_events(self.data_dir, rows, file, sources)
        return Saved(
            folder.added,
            self.label,
            ["Backups of the previous tables:", *(str(b) for b in folder.backups)],
            tuple(folder.event_ids),
        )
