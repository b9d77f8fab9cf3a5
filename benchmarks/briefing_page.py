"""The Add events page in Chromium: from a pasted briefing to its candidates on the screen.

    python benchmarks/briefing_page.py [--repeat 5] [--port 8610]

Starts `streamlit run dashboard/app.py` (offline, the bundled data), opens the Add
events page and pastes the page-length briefing `extraction_speed.py` times (eight
dev briefings, about 900 words) with its publication date and source. Then times,
from the click on "Find candidate events" until the server has finished the run and
the browser has painted the candidate list: the first click (the server loads the
language model and builds the place finder, once per server) and `--repeat` more
(the same text, model loaded; the event-type encoder remembers recent inputs), then
`--repeat` new page-length texts of other dev briefings, each pasted and found once, as an
editor's next briefing is. Times are the page's own clock (`session.wait_idle`).
Prints a table, with the server's resident memory after each step and after each new
briefing, and its peak (`--smaps DIR` keeps the server's memory map after each new briefing,
to see which mappings grow).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from browser import chromium  # first: puts tests/ (services) on the path
from extraction_speed import PAGE, _chunks, _spread
from services import rss_mb
from session import IDLE, app_server, new_page, wait_idle

from borderwatch.ingest.extract import MAX_BRIEFING_CHARS

REPO = Path(__file__).resolve().parents[1]
PUBLISHED = ("2023", "09", "16")
"""The publication date `extraction_speed.py` extracts with (year, month, day)."""
SOURCE = "OXAN-2021-07-13"
CANDIDATES = "Candidates to decide:"
TIMEOUT_S = 300


def page_text() -> str:
    """The page-length briefing: the eight dev briefings in one text."""
    texts = [(REPO / "benchmarks" / "extraction" / p).read_text(encoding="utf-8") for p in PAGE]
    [text] = _chunks(texts, MAX_BRIEFING_CHARS)
    return text


def new_texts(n: int, words: int) -> list[str]:
    """`n` other page-length texts, each of evenly spread dev briefings until `words` words:
    an editor's next briefing, which the server has not read before."""
    corpus = REPO / "benchmarks" / "extraction" / "dev"
    paths = [p for p in _spread(sorted(corpus.glob("*.txt")), 12 * n) if p.name not in PAGE]
    out: list[str] = []
    parts: list[str] = []
    for p in paths:
        parts.append(p.read_text(encoding="utf-8"))
        joined = "\n\n".join(parts)
        if len(joined) > MAX_BRIEFING_CHARS:
            parts = parts[-1:]
        elif len(joined.split()) >= words:
            out.append(joined)
            parts = []
        if len(out) == n:
            break
    return out


def dump_smaps(pid: int, to: Path) -> None:
    """A copy of the server's memory map (`/proc/PID/smaps`), to see which mappings grow."""
    to.parent.mkdir(parents=True, exist_ok=True)
    to.write_text(Path(f"/proc/{pid}/smaps").read_text())


def now_ms(page) -> float:
    return float(page.evaluate("performance.timeOrigin + performance.now()"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--port", type=int, default=None, help="the server's port (default: free)")
    ap.add_argument(
        "--smaps", default=None, help="a folder for the server's /proc/PID/smaps after each new one"
    )
    args = ap.parse_args(argv)
    text = page_text()
    rows: list[tuple[str, str, float]] = []
    server_at = app_server("dashboard/app.py", REPO / "geodata", port=args.port)
    with server_at as server, chromium() as b:
        context, page, seen = new_page(b)
        page.goto(f"{server.url}/Add_events", timeout=TIMEOUT_S * 1000)
        wait_idle(page, seen, 0, 0, TIMEOUT_S)
        rows.append(("Add events page open", "", rss_mb(server.pid)))

        page.get_by_role("tab", name="Paste a briefing").click()
        box = page.get_by_label("Briefing text")
        box.fill(text)
        t0, done = now_ms(page), seen.finished
        box.blur()  # Streamlit sends a text area's value when it loses the focus
        pasted = (wait_idle(page, seen, done, t0, TIMEOUT_S) - t0) / 1000
        rows.append((f"paste {len(text.split())} words (the page reruns)", f"{pasted:.2f}", 0))
        for part, value in zip(("year", "month", "day"), PUBLISHED, strict=True):
            page.get_by_role("spinbutton", name=f"{part}, Published").click()
            page.keyboard.type(value)
        page.keyboard.press("Tab")
        page.get_by_label("Source (sources.csv)").click()
        page.get_by_role("option", name=SOURCE).click()
        find = page.get_by_role("button", name="Find candidate events")
        # the button is enabled by the run that has both the date and the source
        page.wait_for_function(
            "() => [...document.querySelectorAll('button')].some("
            "b => b.innerText.includes('Find candidate events') && !b.disabled)",
            timeout=TIMEOUT_S * 1000,
        )
        page.wait_for_selector(IDLE, timeout=TIMEOUT_S * 1000)

        times = []
        for n in range(1 + args.repeat):
            t0, done = now_ms(page), seen.finished
            find.click()
            end = wait_idle(page, seen, done, t0, TIMEOUT_S)
            heading = page.get_by_text(CANDIDATES).inner_text()
            times.append((end - t0) / 1000)
            if n == 0:
                label = f"first extraction, model and place finder loaded ({heading})"
                rows.append((label, f"{times[0]:.2f}", rss_mb(server.pid)))
        warm = times[1:]
        rows.append(
            (f"the same text again, best / median of {args.repeat}",
             f"{min(warm):.2f} / {statistics.median(warm):.2f}", rss_mb(server.pid))
        )  # fmt: skip

        fresh: list[float] = []
        after: list[float] = []
        if args.smaps:
            dump_smaps(server.pid, Path(args.smaps) / "new00.smaps")
        others = new_texts(args.repeat, len(text.split()))
        for other in others:
            box.fill(other)
            t0, done = now_ms(page), seen.finished
            box.blur()
            wait_idle(page, seen, done, t0, TIMEOUT_S)
            page.wait_for_selector(IDLE, timeout=TIMEOUT_S * 1000)
            t0, done = now_ms(page), seen.finished
            find.click()
            fresh.append((wait_idle(page, seen, done, t0, TIMEOUT_S) - t0) / 1000)
            after.append(rss_mb(server.pid))
            if args.smaps:
                dump_smaps(server.pid, Path(args.smaps) / f"new{len(fresh):02d}.smaps")
        words = statistics.median(len(o.split()) for o in others)
        rows.append(
            (f"a new briefing (about {words:.0f} words, every clause typed afresh), "
             f"best / median of {len(fresh)}",
             f"{min(fresh):.2f} / {statistics.median(fresh):.2f}", rss_mb(server.pid))
        )  # fmt: skip
        each = " ".join(f"{mb:.0f}" for mb in after)
        rows.append((f"server memory after each new briefing: {each} MB", "", after[-1]))
        peak = server.peak_mb()
        context.close()

    print("| step (click to candidates painted) | seconds | server memory |")
    print("|---|---|---|")
    for label, seconds, mb in rows:
        print(f"| {label} | {seconds} | {f'{mb:.0f} MB' if mb else ''} |")
    print(f"| peak memory of the server process | | {peak:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
