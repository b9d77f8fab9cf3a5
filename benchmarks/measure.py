"""Server-side measurements, each run in a fresh process by `run.py` (one size, one format).

    python benchmarks/measure.py load  DATA_DIR --reps 3
    python benchmarks/measure.py view  DATA_DIR --reps 3
    python benchmarks/measure.py naive DATA_DIR --reps 1
    python benchmarks/measure.py page  DATA_DIR
    python benchmarks/measure.py app   DATA_DIR --reps 3

Each prints one JSON object. Times are medians of `reps` runs (seconds); bytes are
what streamlit-folium hands Streamlit for the browser (the JSON of the component's
arguments: base map script, header, feature groups, layer control, asset links);
`peak_mb` is the process's maximum resident set size (ru_maxrss) at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "geodata"

FILTER_CHANGE = {"start": dt.date(2021, 1, 1), "end": dt.date(2021, 12, 31), "countries": ("UZB",)}
"""The filter change measured: an analyst picks one year and one neighbour (Uzbekistan)."""

RETURNED = ["last_object_clicked", "last_object_clicked_popup"]
"""What the app asks st_folium to return (dashboard/BorderWatch.py)."""


def peak_mb() -> float:
    """Maximum resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object], reps: int) -> tuple[float, object]:
    """Median seconds of `reps` calls, and the last result."""
    times, result = [], None
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


@contextlib.contextmanager
def captured_component() -> Iterator[dict]:
    """Replace streamlit-folium's component call by one that records its arguments."""
    import streamlit_folium

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    seen: dict = {}
    original = streamlit_folium._component_func

    def record(**kwargs):
        seen.clear()
        seen.update({k: v for k, v in kwargs.items() if k != "on_change"})
        return kwargs.get("default")

    streamlit_folium._component_func = record
    try:
        yield seen
    finally:
        streamlit_folium._component_func = original


def payload_bytes(args: dict) -> int:
    """Size of the component arguments as Streamlit serialises them (JSON, UTF-8)."""
    return len(json.dumps(args).encode("utf-8"))


def render_map(store, f, as_of) -> dict:
    """Everything the app does on the server to (re)draw the map; returns the payload.

    Same calls as dashboard/BorderWatch.py's show_map for its first view (no view
    reported yet): `detail` (its cache emptied, so nothing is reused), `build_map`,
    and st_folium turning the parts into the component's arguments.
    """
    from streamlit_folium import st_folium

    from borderwatch.map import viewport
    from borderwatch.map.build import MAX_ZOOM, ZOOM, build_map

    viewport._CACHE.clear()
    shown = viewport.detail(store, f, None, ZOOM, MAX_ZOOM)
    parts = build_map(store, shown, as_of, offline=True)
    with captured_component() as args:
        st_folium(
            parts.base,
            key="map",
            height=600,
            use_container_width=True,
            feature_group_to_add=parts.layers,
            layer_control=parts.control,
            returned_objects=RETURNED,
            render=False,
        )
    return dict(args, _note=parts.note)


def bundled_outlines() -> dict:
    """The borders layer the app reads once (`map_outlines`), so not part of any timing."""
    from borderwatch.map.build import map_outlines

    return map_outlines(BUNDLED)


def measure_load(data_dir: Path, reps: int) -> dict:
    """Load + validate the data folder (every file, geocoding, typing)."""
    from borderwatch.data.loader import load_dataset

    def load():
        return len(load_dataset(data_dir).events)

    seconds, n = timed(load, reps)
    return {"load_s": seconds, "events": n, "peak_mb": peak_mb()}


def measure_view(data_dir: Path, reps: int) -> dict:
    """Map build for all events, one filter change, their payloads, and peak memory."""
    from borderwatch.analysis.filters import Filters, apply_filters
    from borderwatch.data.loader import load_dataset
    from borderwatch.data.store import FrameStore

    t = time.perf_counter()
    ds = load_dataset(data_dir)
    load_s = time.perf_counter() - t

    store = FrameStore(ds)

    def build():  # the app's first view: default (empty) filters
        return render_map(store, Filters(), None)

    build()  # warm-up: a running app has rendered before
    build_s, all_args = timed(build, reps)
    f = Filters(**FILTER_CHANGE)

    def filter_change():
        store._last = None  # the store keeps its last selection; time the filter too
        return store.count(f), render_map(store, f, f.end)

    change_s, (n_shown, change_args) = timed(filter_change, max(reps, 3))
    apply_s, _ = timed(lambda: apply_filters(ds.events, f), max(reps, 3))
    return {
        "events": len(ds.events),
        "first_load_s": load_s,
        "build_s": build_s,
        "build_bytes": payload_bytes({k: v for k, v in all_args.items() if k != "_note"}),
        "build_note": all_args["_note"],
        "change_s": change_s,
        "change_apply_s": apply_s,
        "change_events": n_shown,
        "change_bytes": payload_bytes({k: v for k, v in change_args.items() if k != "_note"}),
        "change_note": change_args["_note"],
        "peak_mb": peak_mb(),
    }


def naive_layer(events, sources):
    """The naive Folium way: one folium.Marker with a folium.Popup per event."""
    import folium

    from borderwatch.render.htmlsafe import escape

    titles = sources.set_index("source_id")["title"].to_dict()
    group = folium.FeatureGroup(name="Events")
    for r in events.itertuples(index=False):
        html = (
            f"<b>{escape(r.event_type)}</b><br>{escape(r.event_id)}<br>"
            f"{r.date_start:%Y-%m-%d} – {r.date_end:%Y-%m-%d} ({escape(r.date_precision)})<br>"
            f"{escape(r.place)}, {escape(r.country)}<br>{escape(r.summary)}<br>"
            f"{escape(r.actors)}<br>{escape(r.confidence)}<br>"
            f"{escape(titles.get(r.source_id, r.source_id))}"
        )
        folium.Marker(
            [float(r.latitude), float(r.longitude)],
            popup=folium.Popup(html, max_width=360),
            tooltip=escape(r.place),
        ).add_to(group)
    return group


def measure_naive(data_dir: Path, reps: int) -> dict:
    """Naive per-marker map vs BorderWatch's blob layer drawing every event as a marker.

    Both go through st_folium with the same base map, so the numbers compare the
    event layers only. BorderWatch is run with no aggregation limit here: same
    information (every event, its popup) as the naive map.
    """
    from streamlit_folium import st_folium

    from borderwatch.data.loader import load_dataset
    from borderwatch.map.build import base_map
    from borderwatch.map.eventlayer import event_layer

    ds = load_dataset(data_dir)
    outlines = bundled_outlines()

    def draw(make_layer):
        m = base_map(outlines, offline=True)
        layer, _ = make_layer()
        with captured_component() as args:
            st_folium(m, key="map", height=600, feature_group_to_add=layer,
                      returned_objects=RETURNED)  # fmt: skip
        return dict(args)

    naive_s, naive_args = timed(
        lambda: draw(lambda: (naive_layer(ds.events, ds.sources), None)), reps
    )
    ours_s, ours_args = timed(
        lambda: draw(lambda: event_layer(ds.events, ds.sources, max_points=None)), max(reps, 3)
    )
    return {
        "events": len(ds.events),
        "naive_s": naive_s,
        "naive_bytes": payload_bytes(naive_args),
        "ours_s": ours_s,
        "ours_bytes": payload_bytes(ours_args),
        "peak_mb": peak_mb(),
    }


def write_page(data_dir: Path, reps: int) -> dict:
    """Standalone pages of the map (all events, and after the filter change) for Chromium.

    Same base map and layers as the app sends; asset links point at
    dashboard/static/vendor/ as served from the repository root. Written under
    benchmarks/out/pages/.
    """
    from borderwatch.analysis.filters import Filters
    from borderwatch.data.loader import load_dataset
    from borderwatch.data.store import FrameStore
    from borderwatch.map.build import MAX_ZOOM, ZOOM, build_map
    from borderwatch.map.viewport import detail

    ds = load_dataset(data_dir)
    store = FrameStore(ds)
    base_url = "/dashboard/static/vendor"
    f = Filters(**FILTER_CHANGE)
    pages = {}
    for view, shown, as_of in (("all", Filters(), None), ("filtered", f, f.end)):
        parts = build_map(store, detail(store, shown, None, ZOOM, MAX_ZOOM), as_of,
                          offline=True, base_url=base_url)  # fmt: skip
        m = parts.standalone()
        path = REPO / "benchmarks" / "out" / "pages" / f"map-{len(ds.events)}-{view}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        m.get_root().save(str(path))
        pages[view] = {"page": str(path), "bytes": path.stat().st_size, "note": parts.note}
    return pages


def measure_app(data_dir: Path, reps: int) -> dict:
    """The whole page, not only the map: the app run by Streamlit's AppTest on `data_dir`.

    `first_run_s` includes loading the folder; `rerun_s` is a rerun with nothing
    changed; `filtered_s` a fresh session opened on the filter-change URL (the
    data already cached). Everything the page builds counts: table, chart, map.
    """
    import os

    os.environ["BORDERWATCH_DATA"] = str(data_dir)
    os.environ["BORDERWATCH_OFFLINE"] = "1"
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from streamlit.testing.v1 import AppTest

    app = str(REPO / "dashboard" / "BorderWatch.py")
    at = AppTest.from_file(app, default_timeout=900)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    errors = [str(e.value)[:300] for e in at.exception]
    rerun_s, _ = timed(at.run, reps)

    def filtered():
        view = AppTest.from_file(app, default_timeout=900)
        view.query_params.update(
            start=FILTER_CHANGE["start"].isoformat(),
            end=FILTER_CHANGE["end"].isoformat(),
            country=list(FILTER_CHANGE["countries"]),
        )
        view.run()
        return [str(e.value)[:300] for e in view.exception]

    filtered_s, more = timed(filtered, reps)
    return {
        "first_run_s": first,
        "rerun_s": rerun_s,
        "filtered_s": filtered_s,
        "errors": errors + more,
        "peak_mb": peak_mb(),
    }


WORKERS = {
    "load": measure_load,
    "view": measure_view,
    "naive": measure_naive,
    "page": write_page,
    "app": measure_app,
}


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=sorted(WORKERS))
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args(argv)
    print(json.dumps(WORKERS[a.what](a.data_dir, a.reps)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
