"""A small but realistic data folder written from Python literals, for tests."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from borderwatch.data import vocab
from borderwatch.map import assets

REPO = Path(__file__).resolve().parents[1]
MALICIOUS = "<img src=x onerror=alert(1)> ${alert(2)} `tick` [link](http://example.com)"
"""Hostile text for every escaping test: markup, a JS template expression, a backtick, Markdown."""
MALICIOUS_ESCAPED = (
    "&lt;img src=x onerror=alert(1)&gt; &#36;{alert(2)} &#96;tick&#96; [link](http://example.com)"
)
"""What `render.htmlsafe.escape` makes of it."""
BUNDLED = REPO / "geodata"

PLACES = [
    # name, alt_names, kind, country, admin1, latitude, longitude, coord_source
    ("Hairatan", "Hayratan;Hairaton", "crossing", "AFG", "Balkh", "37.2167", "67.4333", "curated"),
    ("Termez", "Termiz", "city", "UZB", "Surxondaryo", "37.22417", "67.27833", "geonames:1215957"),
    (
        "Sher Khan Bandar",
        "Shir Khan Bandar",
        "crossing",
        "AFG",
        "Kunduz",
        "37.0400",
        "68.2400",
        "curated",
    ),
    ("Panji Poyon", "Nizhny Pyanzh", "crossing", "TJK", "Khatlon", "37.0900", "68.3000", "curated"),
    (
        "Maymana",
        "Maimana;Meymaneh",
        "district",
        "AFG",
        "Faryab",
        "35.92139",
        "64.78361",
        "geonames:1133453",
    ),
    ("Andkhoy", "Andkhoi", "district", "AFG", "Faryab", "36.95293", "65.12376", "geonames:1148658"),
    ("Moscow", "Moskva", "capital", "RUS", "Moscow", "55.75222", "37.61556", "geonames:524901"),
]


def places_frame() -> pd.DataFrame:
    """PLACES as `places.csv` reads (a new frame each call: tests may change it)."""
    return pd.DataFrame(PLACES, columns=list(vocab.PLACE_COLUMNS))


PASTED_BRIEFING = (
    "Uzbekistan closed the Hairatan crossing on July 9.",
    dt.date(2021, 7, 13),
    "OXAN-2021-07-13",
)
"""Briefing text an editor pastes, its publication date and source: one candidate, the
Hairatan closure that `event()` already records."""

CROSSINGS = [
    ("hairatan-termez", "Hairatan–Termez", "Hairatan", "Termez", "UZB", "road;rail"),
    (
        "sher-khan-bandar-panji-poyon",
        "Sher Khan Bandar–Panji Poyon",
        "Sher Khan Bandar",
        "Panji Poyon",
        "TJK",
        "road",
    ),
]

SOURCES = [
    (
        "OXAN-2021-07-13",
        "Russia and allies seek damage limitation with Taliban",
        "",
        "Oxford Analytica",
        "2021-07-13",
        "",
    ),
    (
        "ARNTZ-KEMPER-2021",
        "Russia after take-over in Afghanistan",
        "Helena Arntz; Michael Kemper",
        "",
        "2021-09",
        "",
    ),
]


def event(**overrides: str) -> dict[str, str]:
    """One valid event row (the Termez–Hairatan closure); override any field."""
    row = {
        "event_id": "BW-2021-0001",
        "date_start": "2021-06-23",
        "date_end": "2021-07-13",
        "date_precision": "month",
        "event_type": "crossing_closed",
        "place": "Hairatan",
        "country": "AFG",
        "counterpart_country": "UZB",
        "latitude": "37.2167",
        "longitude": "67.4333",
        "geo_precision": "site",
        "control": "",
        "actors": "Uzbekistan government",
        "summary": "Uzbekistan shut the Termez–Hairatan crossing after fighting in Afghanistan.",
        "source_id": "OXAN-2021-07-13",
        "confidence": "reported",
    }
    row.update(overrides)
    return row


def new_event(n: int, **overrides: str) -> dict[str, str]:
    """Event `n` of March 2022 at Hairatan, in no data folder or store yet: a row to save."""
    return event(
        event_id=f"BW-2022-{n:04d}",
        date_start="2022-03-01",
        date_end="2022-03-01",
        date_precision="day",
        summary=f"Border guards at Hairatan reported incident {n}.",
        **overrides,
    )


EVENTS = [
    event(),
    event(
        event_id="BW-2021-0002",
        date_start="2021-06-22",
        date_end="2021-06-22",
        date_precision="day",
        event_type="territorial_control",
        place="Sher Khan Bandar",
        counterpart_country="TJK",
        latitude="",
        longitude="",
        control="taliban",
        actors="Taliban",
        summary="Taliban fighters took the Afghan side of the Sher Khan Bandar crossing.",
    ),
    event(
        event_id="BW-2021-0003",
        date_start="2021-06-22",
        date_end="2021-07-13",
        event_type="crossing_closed",
        place="Sher Khan Bandar",
        counterpart_country="TJK",
        latitude="",
        longitude="",
        summary="The crossing into Tajikistan was shut for several days after the capture.",
    ),
    event(
        event_id="BW-2021-0004",
        date_start="2021-07-01",
        date_end="2021-07-13",
        event_type="crossing_reopened",
        place="Shir Khan Bandar",
        counterpart_country="TJK",
        latitude="",
        longitude="",
        summary="Traffic resumed at Sher Khan Bandar; the exact day is not given.",
    ),
    event(
        event_id="BW-2021-0005",
        date_start="2021-07-09",
        date_end="2021-07-09",
        date_precision="day",
        event_type="diplomatic_contact",
        place="Moscow",
        country="RUS",
        counterpart_country="AFG",
        latitude="55.75222",
        longitude="37.61556",
        geo_precision="town",
        actors="Taliban;Russian Ministry of Foreign Affairs",
        summary="A Taliban delegation held talks in Moscow on border security and IS.",
    ),
    event(
        event_id="BW-2021-0006",
        date_start="2021-05-01",
        date_end="2021-07-13",
        event_type="territorial_control",
        place="Andkhoy",
        counterpart_country="",
        latitude="",
        longitude="",
        geo_precision="district",
        control="taliban",
        actors="Taliban",
        summary="Andkhoy district counted among the Faryab districts held by the Taliban.",
    ),
    event(
        event_id="BW-2021-0007",
        date_start="2021-05-01",
        date_end="2021-07-13",
        event_type="territorial_control",
        place="Maymana",
        counterpart_country="",
        latitude="",
        longitude="",
        geo_precision="district",
        control="government",
        actors="Afghan government",
        summary="The provincial capital of Faryab was still held by the government.",
    ),
]


def write_csv(path: Path, columns, rows) -> Path:
    """Write rows (dicts or tuples) under a header, UTF-8, csv-module quoting."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for r in rows:
            w.writerow([r[c] for c in columns] if isinstance(r, dict) else r)
    return path


def write_data_dir(root: Path, events=None) -> Path:
    """A complete, valid data folder under `root`; pass `events` to replace the rows."""
    root.mkdir(parents=True, exist_ok=True)
    write_csv(root / "places.csv", vocab.PLACE_COLUMNS, PLACES)
    write_csv(root / "crossings.csv", vocab.CROSSING_COLUMNS, CROSSINGS)
    write_csv(root / "sources.csv", vocab.SOURCE_COLUMNS, SOURCES)
    rows = EVENTS if events is None else events
    extra = [
        c for c in vocab.OPTIONAL_EVENT_COLUMNS if any(c in r for r in rows if isinstance(r, dict))
    ]
    rows = [{**{c: "" for c in extra}, **r} if isinstance(r, dict) else r for r in rows]
    write_csv(root / "events.csv", [*vocab.EVENT_COLUMNS, *extra], rows)
    return root


def write_stub_vendor(root: Path) -> Path:
    """A vendor folder holding every offline asset as a one-line stub, and their bundle."""
    for rel in filter(None, assets.CDN_FILES.values()):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("/* stub */")
    assets.write_bundle(root)
    return root
