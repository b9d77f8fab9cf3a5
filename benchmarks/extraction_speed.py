"""Time briefing extraction: model load, gazetteer load, then one page-length briefing.

    python benchmarks/extraction_speed.py [--repeat 5] [--sample 60]

Prints a table: the one-off costs a server pays once (importing spaCy and
loading the model, loading the event-type encoder, reading GeoNames), then the extraction of
one page-length briefing (the first eight evaluation briefings in one text, about 900 words, a
briefing page and a half) and of a fixed, evenly spread sample of the dev briefings
(`--sample`, 0 for all: dev has grown past 500 briefings, and all of them five times
took over ten minutes), best and median of `--repeat` runs, each with the event-type
encoder's memory of recent inputs dropped (an editor's next briefing is new text), and the
process's peak memory. The target (issue 16) is under 2 s per page after the model is loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = [
    f"dev/{name}.txt"
    for name in (
        "badakhshan_2021",
        "chaman_2021",
        "tajik_kyrgyz_2021",
        "torkham_2023",
        "islam_qala_2021",
        "kazakhstan_2022",
        "tajik_kyrgyz_2022",
        "termez_2021",
    )
]
"""About 900 words: a briefing page and a half."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sample", type=int, default=60, help="dev briefings timed; 0: all")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from borderwatch.ingest import nlp

    nlp.pipeline()
    t_model = time.perf_counter() - t0

    from borderwatch.ingest import encoder

    t0 = time.perf_counter()
    encoder.model()
    t_encoder = time.perf_counter() - t0

    from borderwatch.data.loader import load_places
    from borderwatch.ingest.extract import MAX_BRIEFING_CHARS, extract_candidates
    from borderwatch.ingest.places import PlaceFinder

    t0 = time.perf_counter()
    places = load_places(REPO / "geodata")
    finder = PlaceFinder(places, outlines=REPO / "geodata" / "borders.geojson")
    finder.warm_up()
    t_gazetteer = time.perf_counter() - t0

    corpus = REPO / "benchmarks" / "extraction"
    # dev/ only: a blind set is read by its one measurement and nothing else
    sample = _spread(sorted(corpus.glob("dev/*.txt")), args.sample)
    texts = {
        # one page: the first eight evaluation briefings, as measured since they were written
        "one page": [corpus / n for n in PAGE],
        f"{len(sample)} dev briefings": sample,
    }
    timed = []
    for label, paths in texts.items():
        chunks = _chunks([p.read_text(encoding="utf-8") for p in paths], MAX_BRIEFING_CHARS)
        runs = []
        rows = 0
        for _ in range(args.repeat):
            encoder.forget()  # an editor's next briefing is new text: every clause runs
            t0 = time.perf_counter()
            rows = sum(
                len(extract_candidates(c, dt.date(2023, 9, 16), "BENCH", places, finder=finder))
                for c in chunks
            )
            runs.append(time.perf_counter() - t0)
        words = sum(len(c.split()) for c in chunks)
        timed.append((f"{label} in {len(chunks)} text(s)", words, rows, runs))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print("| step | seconds |")
    print("|---|---|")
    print(f"| import spaCy + load the model (once per server) | {t_model:.2f} |")
    print(f"| load the event-type encoder (once per server) | {t_encoder:.2f} |")
    print(f"| read places.csv + GeoNames index + countries (once per server) | {t_gazetteer:.2f} |")
    for label, words, rows, runs in timed:
        print(
            f"| extract {label} ({words} words, {rows} candidates): best / median "
            f"of {args.repeat} | {min(runs):.2f} / {statistics.median(runs):.2f} |"
        )
    print(f"| peak memory of the process | {peak_mb:.0f} MB |")
    return 0


def _spread(paths: list[Path], n: int) -> list[Path]:
    """`n` of `paths` taken at even steps (all of them for 0), the same ones every run."""
    if n <= 0 or n >= len(paths):
        return paths
    return [paths[i * len(paths) // n] for i in range(n)]


def _chunks(texts: list[str], limit: int) -> list[str]:
    """The texts joined into as few briefings as the length limit allows."""
    out: list[str] = []
    for t in texts:
        if out and len(out[-1]) + 2 + len(t) <= limit:
            out[-1] += "\n\n" + t
        else:
            out.append(t)
    return out


if __name__ == "__main__":
    sys.exit(main())
