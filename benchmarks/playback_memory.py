"""The briefing screen left playing: what the browser tab and the server hold, step by step.

Starts `streamlit run dashboard/app.py` (offline, the bundled data unless --data) and opens
`?mode=briefing&play=1` in Chromium at 1920x1080. After a warm-up it samples, every
--every seconds for --minutes: the tab's JavaScript heap after a forced garbage collection
and its DOM node count (all documents, detached nodes still held included; through the
DevTools protocol), the elements in the page and in the map's frame, the layers on the map
and those streamlit-folium still holds, and the server's resident memory. Prints one row
per sample and the growth per hour of each (a least-squares line), against the issue's
limit of 50 MB an hour.

    python benchmarks/playback_memory.py --minutes 10
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np
from browser import chromium, streamlit_server
from services import rss_mb

LIMIT_MB_PER_HOUR = 50.0
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
IN_FRAME = """() => ({
    elements: document.getElementsByTagName('*').length,
    on_map: window.map ? Object.keys(window.map._layers).length : 0,
    held: (window.feature_group || []).length,
})"""


def per_hour(minutes: list[float], values: list[float]) -> float:
    """Slope of a least-squares line through the samples, per hour."""
    if len(minutes) < 2:
        return float("nan")
    return float(np.polyfit(np.array(minutes) / 60.0, np.array(values), 1)[0])


def measure(minutes: float, every_s: float, warm_up_s: float, data: Path | None) -> list[dict]:
    env = {"BORDERWATCH_OFFLINE": "1"}
    if data is not None:
        env["BORDERWATCH_DATA"] = str(data)
    rows: list[dict] = []
    with chromium() as browser, streamlit_server("dashboard/app.py", env) as server:
        url = server.url
        ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url + "/?mode=briefing&play=1")
        page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
        frame = page.wait_for_selector(MAP_FRAME, timeout=60_000).content_frame()
        frame.wait_for_function("() => window.map && window.feature_group", timeout=60_000)
        page.wait_for_timeout(warm_up_s * 1000)
        start = time.monotonic()
        while True:
            cdp.send("HeapProfiler.collectGarbage")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            caption = page.get_by_text(re.compile(r"^Playback \d+ of \d+")).first.inner_text()
            rows.append({
                "minute": (time.monotonic() - start) / 60,
                "step": int(re.search(r"Playback (\d+)", caption).group(1)),
                "heap_mb": metrics["JSHeapUsedSize"] / 2**20,
                "nodes": int(metrics["Nodes"]),
                "page_elements": page.evaluate("document.getElementsByTagName('*').length"),
                **frame.evaluate(IN_FRAME),
                "server_mb": rss_mb(server.pid),
            })  # fmt: skip
            if rows[-1]["minute"] >= minutes:
                break
            page.wait_for_timeout(every_s * 1000)
        ctx.close()
    return rows


def report(rows: list[dict], every_s: float) -> str:
    head = ("minute  step  tab_heap_MB  dom_nodes  page_elems  frame_elems  layers_on_map"
            "  layers_held  server_MB")  # fmt: skip
    lines = [head]
    for r in rows:
        lines.append(
            f"{r['minute']:6.1f}  {r['step']:4d}  {r['heap_mb']:11.1f}  {r['nodes']:9d}  "
            f"{r['page_elements']:10d}  {r['elements']:11d}  {r['on_map']:13d}  "
            f"{r['held']:11d}  {r['server_mb']:9.1f}"
        )
    m = [r["minute"] for r in rows]
    tab = per_hour(m, [r["heap_mb"] for r in rows])
    server = per_hour(m, [r["server_mb"] for r in rows])
    nodes = per_hour(m, [r["nodes"] for r in rows])
    lines.append("")
    lines.append(f"over {m[-1]:.1f} min, sampled every {every_s:g} s (a playback step is 4 s):")
    lines.append(f"  tab JS heap  {tab:+8.1f} MB/h   limit {LIMIT_MB_PER_HOUR:.0f}  "
                 f"{'ok' if tab <= LIMIT_MB_PER_HOUR else 'MISS'}")  # fmt: skip
    lines.append(f"  server RSS   {server:+8.1f} MB/h   limit {LIMIT_MB_PER_HOUR:.0f}  "
                 f"{'ok' if server <= LIMIT_MB_PER_HOUR else 'MISS'}")  # fmt: skip
    lines.append(f"  DOM nodes    {nodes:+8.0f} /h")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to sample")
    ap.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    ap.add_argument("--warm-up", type=float, default=60.0, help="seconds before the first")
    ap.add_argument("--data", type=Path, default=None, help="data folder (default: bundled)")
    args = ap.parse_args(argv)
    rows = measure(args.minutes, args.every, args.warm_up, args.data)
    print(report(rows, args.every))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
