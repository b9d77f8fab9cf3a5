"""Synthetic events in BorderWatch's own schema, for benchmarks at analyst scale.

Events cluster around real places along Afghanistan's northern and western borders
(the bundled gazetteer `geodata/places.csv` when it exists, otherwise the list
below, whose coordinates are GeoNames'), spread over several years, cover every
event type and validate against `borderwatch.data.schema` exactly as the loader reads
them. Generation is vectorised so that a million rows take seconds.

    python benchmarks/synth.py 100000 benchmarks/out/synth-100k
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from borderwatch.data import vocab

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "geodata"

FALLBACK_PLACES: tuple[tuple[str, str, str, str, str, float, float, str], ...] = (
    # name, alt_names, kind, country, admin1, latitude, longitude, coord_source
    ("Hairatan", "Hayratan", "crossing", "AFG", "Balkh", 37.2167, 67.4333, "curated"),
    ("Termez", "Termiz;Tirmiz", "city", "UZB", "Surxondaryo", 37.22417, 67.27833, "geonames"),
    ("Mazar-i-Sharif", "Mazar-e Sharif", "city", "AFG", "Balkh", 36.70904, 67.11087, "geonames"),
    ("Khulm", "Tashqurghan", "town", "AFG", "Balkh", 36.69736, 67.69826, "geonames"),
    ("Kunduz", "Qunduz", "city", "AFG", "Kunduz", 36.72895, 68.857, "geonames"),
    ("Panj", "Pyanj", "town", "TJK", "Khatlon", 37.23634, 69.09911, "geonames"),
    ("Jilikul", "Jilikŭl", "town", "TJK", "Khatlon", 37.49167, 68.53106, "geonames"),
    ("Shahritus", "", "town", "TJK", "Khatlon", 37.26206, 68.13849, "geonames"),
    ("Farkhor", "", "town", "TJK", "Khatlon", 37.49219, 69.40356, "geonames"),
    ("Taloqan", "Taluqan", "city", "AFG", "Takhar", 36.73605, 69.53451, "geonames"),
    ("Rustaq", "", "town", "AFG", "Takhar", 37.12604, 69.83045, "geonames"),
    ("Fayzabad", "Faizabad", "city", "AFG", "Badakhshan", 37.11664, 70.58002, "geonames"),
    ("Baharak", "", "town", "AFG", "Badakhshan", 37.00254, 70.90664, "geonames"),
    ("Khorugh", "Khorog", "town", "TJK", "Gorno-Badakhshan", 37.49039, 71.55337, "geonames"),
    ("Ishkashim", "Ishqoshim", "town", "TJK", "Gorno-Badakhshan", 36.72484, 71.61331, "geonames"),
    ("Rushon", "Rŭshon", "town", "TJK", "Gorno-Badakhshan", 37.94487, 71.55745, "geonames"),
    ("Kulob", "Kŭlob;Kulyab", "city", "TJK", "Khatlon", 37.91459, 69.78454, "geonames"),
    ("Bokhtar", "Qurghonteppa", "city", "TJK", "Khatlon", 37.83654, 68.77762, "geonames"),
    ("Dushanbe", "", "capital", "TJK", "Dushanbe", 38.53575, 68.77905, "geonames"),
    ("Andkhoy", "Andkhoi", "district", "AFG", "Faryab", 36.95293, 65.12376, "geonames"),
    ("Maymana", "Maimana", "district", "AFG", "Faryab", 35.92139, 64.78361, "geonames"),
    ("Aqcha", "Aqchah", "town", "AFG", "Jowzjan", 36.905, 66.18341, "geonames"),
    ("Shibirghan", "Sheberghan", "city", "AFG", "Jowzjan", 36.66757, 65.7529, "geonames"),
    ("Kerki", "Atamyrat", "town", "TKM", "Lebap", 37.83573, 65.21058, "geonames"),
    ("Serhetabat", "Gushgy;Kushka", "town", "TKM", "Mary", 35.27992, 62.34383, "geonames"),
    ("Takhta-Bazar", "Tagtabazar", "town", "TKM", "Mary", 35.9561, 62.91842, "geonames"),
    ("Mary", "Merv", "city", "TKM", "Mary", 37.59378, 61.83031, "geonames"),
    ("Herat", "Hirat", "city", "AFG", "Herat", 34.34817, 62.19967, "geonames"),
    ("Ashgabat", "Ashkhabad", "capital", "TKM", "Ashgabat", 37.95, 58.38333, "geonames"),
    ("Kabul", "", "capital", "AFG", "Kabul", 34.52813, 69.17233, "geonames"),
)

# Who acts where: the first actor list is used for events on the Afghan side.
ACTORS: dict[str, tuple[str, ...]] = {
    "AFG": (
        "Taliban",
        "Afghan National Army",
        "Afghan Border Police",
        "Afghan government",
        "National Resistance Front",
        "IS-Khorasan",
        "local militia",
        "UNHCR",
    ),
    "TJK": ("Tajik Border Troops", "Tajik government", "CSTO", "Russian 201st base", "UNHCR"),
    "UZB": ("Uzbek Border Troops", "Uzbek government", "Uzbek Ministry of Defence", "UNHCR"),
    "TKM": ("Turkmen Border Service", "Turkmen government", "UNHCR"),
    "OTHER": ("Russian Ministry of Foreign Affairs", "CSTO", "UN", "regional media"),
}

NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "AFG": ("UZB", "TJK", "TKM"),
    "TJK": ("AFG",),
    "UZB": ("AFG",),
    "TKM": ("AFG",),
}

SUMMARIES: dict[str, tuple[str, ...]] = {
    "crossing_closed": (
        "{actor} closed the crossing at {place} after fighting nearby.",
        "Traffic through {place} was halted and lorries queued on both banks.",
    ),
    "crossing_reopened": (
        "The crossing at {place} reopened for freight under {actor} supervision.",
        "Trade resumed at {place} after a pause of several days.",
    ),
    "crossing_threatened": (
        "Fighting came within a few kilometres of the crossing at {place}.",
        "{actor} warned that the crossing at {place} could be shut at short notice.",
    ),
    "territorial_control": (
        "{actor} were reported to hold {place} and the roads around it.",
        "Control of {place} changed hands; {actor} claimed the district centre.",
    ),
    "clash": (
        "{actor} and opposing fighters clashed near {place}; casualties were reported.",
        "An exchange of fire near {place} lasted several hours.",
    ),
    "military_deployment": (
        "{actor} moved additional troops and armour to the area of {place}.",
        "Reinforcements from {actor} arrived near {place}.",
    ),
    "military_exercise": (
        "{actor} held an exercise near {place} rehearsing a border incursion.",
        "Joint drills took place close to {place} with artillery and air support.",
    ),
    "refugee_movement": (
        "Several hundred people crossed near {place} fleeing the fighting.",
        "Families gathered at {place} hoping to cross; {actor} registered arrivals.",
    ),
    "diplomatic_contact": (
        "{actor} met a delegation in {place} to discuss border security.",
        "Talks in {place} covered trade through the crossings and refugee returns.",
    ),
    "statement": (
        "{actor} said in {place} that the border would be defended.",
        "A statement from {place} by {actor} promised not to threaten neighbours.",
    ),
    "infrastructure": (
        "Work continued on the fence and watchtowers near {place}.",
        "{actor} repaired the road and the bridge approach at {place}.",
    ),
    "militant_presence": (
        "Foreign fighters were reported in villages around {place}.",
        "{actor} warned of Central Asian militants gathering near {place}.",
    ),
}

CONTEXT: tuple[str, ...] = (
    "",
    " Local sources said the situation remained tense into the evening.",
    " The report could not be confirmed independently.",
    " Traders said lorries were queuing for several kilometres on the approach road.",
    " Officials on the other bank said they were watching the area closely.",
    " Residents described the movement of armed men through nearby villages.",
    " Neighbouring governments called for calm and for the border to stay open.",
)
"""Second sentences: real summaries run to one or two sentences (about 140 characters)."""

GENERIC_SUMMARIES = (
    "{actor} were involved in an incident near {place}.",
    "An incident was reported near {place}; details are unclear.",
)
"""For a type added to the vocabulary after this script was written."""

# Relative frequencies (a type missing here gets 2): clashes and control changes
# dominate real conflict data.
TYPE_WEIGHTS: dict[str, float] = {
    "clash": 30,
    "territorial_control": 14,
    "militant_presence": 8,
    "military_deployment": 8,
    "statement": 8,
    "refugee_movement": 7,
    "crossing_closed": 5,
    "crossing_reopened": 4,
    "crossing_threatened": 4,
    "diplomatic_contact": 5,
    "infrastructure": 4,
    "military_exercise": 3,
}

SOURCES: tuple[tuple[str, str, str, str, str, str], ...] = tuple(
    (
        f"SYN-SRC-{i:02d}",
        f"Synthetic field report {i}",
        "",
        "BorderWatch benchmarks",
        f"{2019 + i % 6}-01-01",
        "",
    )
    for i in range(1, 21)
)

FIRST_DAY = pd.Timestamp("2019-01-01")
LAST_DAY = pd.Timestamp("2024-12-31")
GEO_JITTER_DEG = {"site": 0.01, "town": 0.04, "district": 0.12, "province": 0.35, "country": 1.0}
BLANK_COORD_SHARE = 0.05
"""Share of rows whose coordinates are left to the gazetteer, as editors do."""


def load_places(data_dir: Path = BUNDLED) -> pd.DataFrame:
    """The bundled gazetteer (`geodata/places.csv`) if present, else the fallback list."""
    path = data_dir / "places.csv"
    if path.exists():
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    else:
        df = pd.DataFrame(FALLBACK_PLACES, columns=list(vocab.PLACE_COLUMNS)).astype(str)
    return df[list(vocab.PLACE_COLUMNS)]


def _border_places(places: pd.DataFrame) -> pd.DataFrame:
    """Point-like places (not whole countries or regions) in the four frontier countries."""
    point_like = ~places["kind"].isin(["country", "region"])
    near = places[places["country"].isin(list(NEIGHBOURS)) & point_like].reset_index(drop=True)
    if near.empty:
        raise ValueError("the gazetteer has no place in AFG, TJK, UZB or TKM")
    return near


def synth_events(
    n: int, seed: int = 0, places: pd.DataFrame | None = None, first_id: int = 1
) -> pd.DataFrame:
    """`n` valid events as text columns in `vocab.EVENT_COLUMNS` order.

    The first rows cover every event type once, so any n >= len(EVENT_TYPES) has them all.
    Ids count up from `first_id` (chunks of one large folder use distinct ranges).
    """
    rng = np.random.default_rng(seed)
    near = _border_places(load_places() if places is None else places)
    kinds = near["kind"].to_numpy()
    # Crossings and towns on the river see most of the events.
    place_w = np.where(kinds == "crossing", 4.0, np.where(kinds == "capital", 0.5, 1.0))
    p = rng.choice(len(near), size=n, p=place_w / place_w.sum())

    types = np.array(vocab.EVENT_TYPES)
    tw = np.array([TYPE_WEIGHTS.get(ty, 2.0) for ty in vocab.EVENT_TYPES])
    t = rng.choice(len(types), size=n, p=tw / tw.sum())
    t[: min(n, len(types))] = np.arange(min(n, len(types)))
    etype = types[t]
    # Crossing events happen at crossings (when the gazetteer has any).
    crossings = np.flatnonzero(kinds == "crossing")
    at_crossing = np.char.startswith(etype.astype(str), "crossing_")
    if len(crossings):
        p[at_crossing] = crossings[rng.integers(0, len(crossings), int(at_crossing.sum()))]
    names = near["name"].to_numpy()[p]
    country = near["country"].to_numpy()[p]

    span_days = (LAST_DAY - FIRST_DAY).days + 1
    day = pd.Series(FIRST_DAY + pd.to_timedelta(rng.integers(0, span_days, size=n), unit="D"))
    prec_idx = rng.choice(4, size=n, p=[0.7, 0.15, 0.12, 0.03])
    precision = np.array(vocab.DATE_PRECISIONS)[prec_idx]
    # A week starts on the day; a month or year spans the whole calendar period.
    month, year = day.dt.to_period("M"), day.dt.to_period("Y")
    starts = day.where(prec_idx < 2, month.dt.start_time).where(prec_idx < 3, year.dt.start_time)
    ends = (
        day.where(prec_idx != 1, day + pd.Timedelta(days=6))
        .where(prec_idx != 2, month.dt.end_time.dt.normalize())
        .where(prec_idx != 3, year.dt.end_time.dt.normalize())
    )

    geo_choices = np.array(vocab.GEO_PRECISIONS[:4])
    geo = np.where(
        kinds[p] == "crossing",
        "site",
        geo_choices[rng.choice(4, size=n, p=[0.15, 0.55, 0.25, 0.05])],
    )
    jitter = pd.Series(geo).map(GEO_JITTER_DEG).to_numpy()
    lat = near["latitude"].astype(float).to_numpy()[p] + rng.normal(0, 1, n) * jitter
    lon = near["longitude"].astype(float).to_numpy()[p] + rng.normal(0, 1, n) * jitter
    lat_s = np.char.mod("%.5f", lat).astype(object)
    lon_s = np.char.mod("%.5f", lon).astype(object)
    blank = rng.random(n) < BLANK_COORD_SHARE
    lat_s[blank] = ""
    lon_s[blank] = ""

    counterpart = np.full(n, "", dtype=object)
    cross_border = at_crossing | (rng.random(n) < 0.2)
    for cc, neigh in NEIGHBOURS.items():
        rows = cross_border & (country == cc)
        counterpart[rows] = np.array(neigh)[rng.integers(0, len(neigh), rows.sum())]

    control = np.full(n, "", dtype=object)
    is_control = etype == "territorial_control"
    control[is_control] = np.array(vocab.CONTROL_STATES)[
        rng.choice(4, size=int(is_control.sum()), p=[0.55, 0.25, 0.15, 0.05])
    ]

    actor1 = np.empty(n, dtype=object)
    actor2 = np.empty(n, dtype=object)
    for cc in np.unique(country):
        rows = country == cc
        pool = np.array(ACTORS.get(cc, ACTORS["OTHER"]))
        actor1[rows] = pool[rng.integers(0, len(pool), rows.sum())]
        actor2[rows] = pool[rng.integers(0, len(pool), rows.sum())]
    two = (rng.random(n) < 0.3) & (actor1 != actor2)
    actors = np.where(two, actor1 + ";" + actor2, actor1)

    variant = rng.integers(0, 2, size=n)
    context = np.array(CONTEXT)[rng.integers(0, len(CONTEXT), size=n)]
    summary = [
        SUMMARIES.get(ty, GENERIC_SUMMARIES)[v].format(actor=a, place=pl) + more
        for ty, v, a, pl, more in zip(etype, variant, actor1, names, context, strict=True)
    ]

    frame = {
        "event_id": [f"SYN-{i:07d}" for i in range(first_id, first_id + n)],
        "date_start": starts.dt.strftime("%Y-%m-%d"),
        "date_end": ends.dt.strftime("%Y-%m-%d"),
        "date_precision": precision,
        "event_type": etype,
        "place": names,
        "country": country,
        "counterpart_country": counterpart,
        "latitude": lat_s,
        "longitude": lon_s,
        "geo_precision": geo,
        "control": control,
        "actors": actors,
        "summary": summary,
        "source_id": np.array([s[0] for s in SOURCES])[rng.integers(0, len(SOURCES), n)],
        "confidence": np.array(vocab.CONFIDENCES)[rng.choice(3, size=n, p=[0.3, 0.6, 0.1])],
    }
    df = pd.DataFrame({c: pd.Series(np.asarray(v), dtype=str) for c, v in frame.items()})
    return df[list(vocab.EVENT_COLUMNS)]


def write_data_dir(root: Path, n: int, fmt: str = "csv", seed: int = 0) -> Path:
    """A complete data folder with `n` synthetic events as events.csv or events.parquet.

    Places and crossings come from the bundled data when present, so the events
    geocode against the same gazetteer the app uses.
    """
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format must be csv or parquet, not {fmt!r}")
    root.mkdir(parents=True, exist_ok=True)
    places = load_places()
    places.to_csv(root / "places.csv", index=False)
    if (BUNDLED / "crossings.csv").exists() and (BUNDLED / "places.csv").exists():
        shutil.copyfile(BUNDLED / "crossings.csv", root / "crossings.csv")
    pd.DataFrame(SOURCES, columns=list(vocab.SOURCE_COLUMNS)).to_csv(
        root / "sources.csv", index=False
    )
    events = synth_events(n, seed=seed, places=places)
    for stale in ("events.csv", "events.parquet"):
        (root / stale).unlink(missing_ok=True)
    if fmt == "csv":
        events.to_csv(root / "events.csv", index=False)
    else:
        events.to_parquet(root / "events.parquet", index=False)
    return root


def write_converted_dir(root: Path, n: int, chunk: int = 1_000_000) -> Path:
    """A data folder whose `n` synthetic events are already converted Parquet (for DuckDB).

    What `borderwatch convert` writes, built `chunk` events at a time (each typed and
    geocoded by the loader's own functions) so that ten million events never sit in
    memory at once; the generator's events are valid by construction (tests/test_synth.py).
    """
    from borderwatch.data.convert import events_table, write_events_parquet
    from borderwatch.data.gazetteer import Gazetteer
    from borderwatch.data.loader import load_places as load_valid_places
    from borderwatch.data.loader import typed_events

    write_data_dir(root, 0)
    (root / "events.csv").unlink()
    gazetteer = Gazetteer(load_valid_places(root))
    places = load_places()

    def tables():
        for k, first in enumerate(range(0, n, chunk)):
            raw = synth_events(min(chunk, n - first), seed=k, places=places, first_id=first + 1)
            yield events_table(typed_events(raw, gazetteer))

    write_events_parquet(tables(), root / "events.parquet", rows=n)
    return root


def main(argv: list[str] | None = None) -> int:
    """Write a synthetic data folder from the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of events")
    ap.add_argument("out", type=Path, help="data folder to write")
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    path = write_data_dir(a.out, a.n, a.format, a.seed)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
