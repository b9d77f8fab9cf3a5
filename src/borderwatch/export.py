"""Downloads of the filtered events: CSV, GeoJSON and a standalone offline HTML map."""

from __future__ import annotations

import base64
import datetime as dt
import json
import mimetypes
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from borderwatch.analysis.asof import STALE_DAYS
from borderwatch.data.eventtable import columns_of, event_table
from borderwatch.map import assets
from borderwatch.map.build import MapSource, build_map
from borderwatch.map.viewport import Detail
from borderwatch.render.htmlsafe import escape

_INLINE = "bw-inline:"
"""Placeholder base URL: links under it are replaced by the file's content."""
_SCRIPT = re.compile(r'<script src="bw-inline:/([^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="bw-inline:/([^"]+)"/>')
_CSS_URL = re.compile(r"url\((['\"]?)(?!data:|https?:|#)([^'\")]+)\1\)")
_TTF_FALLBACK = re.compile(r',\s*url\([^)]*\.ttf\)\s*format\("truetype"\)')


FORMULA_START = "=+-@\t\r"
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list)."""
_FORMULA = "^[" + re.escape(FORMULA_START) + "]"
NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"
"""A plain number, which stays a number in the download even when it starts with + or -."""


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula, prefixed with a quote (OWASP).

    A cell starting with =, +, -, @, a tab or a CR gets a leading ' so that Excel,
    LibreOffice and Google Sheets show it as text; plain numbers (-70.5) stay numbers.
    For downloads only: the data files keep the exact text.
    """
    out = table.copy()
    for col in out.columns:
        s = out[col].astype(str)
        risky = s.str.contains(_FORMULA, regex=True) & ~s.str.fullmatch(NUMBER)
        if risky.any():
            out[col] = s.where(~risky, "'" + s)
    return out


def to_csv(events: pd.DataFrame) -> bytes:
    """The events as UTF-8 CSV for a spreadsheet: `event_table`, formulas neutralised."""
    return csv_from_batches(lambda: [events])


def to_geojson(events: pd.DataFrame) -> bytes:
    """The events as an RFC 7946 FeatureCollection (points, every column as a property).

    Latitude and longitude are numbers (null when unknown); everything else is text.
    """
    return geojson_from_batches(lambda: [events])


def _columns(batches: Iterable[pd.DataFrame]) -> list[str]:
    """`columns_of` the whole selection: the optional columns that hold a value anywhere."""
    keep: set[str] = set()
    for batch in batches:
        keep |= set(columns_of(event_table(batch)))
    return columns_of(pd.DataFrame(), keep)


def csv_from_batches(batches: Callable[[], Iterable[pd.DataFrame]]) -> bytes:
    """`to_csv` of events that come in batches (a store's `batches`), one batch at a time.

    `batches` is called twice: first to find the columns, then to write the rows.
    """
    columns = _columns(batches())
    parts = []
    for n, batch in enumerate(batches()):
        table = neutralise_formulas(event_table(batch).reindex(columns=columns, fill_value=""))
        parts.append(table.to_csv(index=False, header=n == 0, lineterminator="\n").encode())
    return b"".join(parts)


def geojson_from_batches(batches: Callable[[], Iterable[pd.DataFrame]]) -> bytes:
    """`to_geojson` of events that come in batches, as one FeatureCollection."""
    columns = _columns(batches())
    features: list[bytes] = []
    for batch in batches():
        if not len(batch):
            continue
        table = event_table(batch).reindex(columns=columns, fill_value="")
        for col in ("latitude", "longitude"):
            table[col] = pd.to_numeric(table[col]).astype(object)
            table[col] = table[col].where(table[col].notna(), None)
        points = gpd.points_from_xy(
            batch["longitude"].astype(float), batch["latitude"].astype(float)
        )
        text = gpd.GeoDataFrame(table, geometry=points, crs="EPSG:4326").to_json(
            drop_id=True, ensure_ascii=False
        )
        features += [json.dumps(f, ensure_ascii=False).encode("utf-8")
                     for f in json.loads(text)["features"]]  # fmt: skip
    return b'{"type": "FeatureCollection", "features": [' + b", ".join(features) + b"]}"


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".woff2":
        mime = "font/woff2"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_css(css: str, folder: Path) -> str:
    """CSS with every relative url() replaced by a data: URI of the file (woff2 fonts only)."""
    css = _TTF_FALLBACK.sub("", css)

    def replace(match: re.Match) -> str:
        target = (folder / match.group(2).split("?")[0].split("#")[0]).resolve()
        if not target.is_file():
            return match.group(0)
        return f'url("{_data_uri(target)}")'

    return _CSS_URL.sub(replace, css)


def inline_assets(html: str, vendor_dir: Path) -> str:
    """Replace the placeholder script and stylesheet links by their content."""

    def script(match: re.Match) -> str:
        text = (vendor_dir / match.group(1)).read_text(encoding="utf-8")
        return "<script>" + text.replace("</script", "<\\/script") + "</script>"

    def stylesheet(match: re.Match) -> str:
        path = vendor_dir / match.group(1)
        return "<style>" + inline_css(path.read_text(encoding="utf-8"), path.parent) + "</style>"

    html = _SCRIPT.sub(lambda m: script(m), html)
    return _STYLESHEET.sub(lambda m: stylesheet(m), html)


def standalone_html(
    store: MapSource,
    shown: Detail,
    as_of: dt.date | None,
    title: str = "BorderWatch map",
    vendor_dir: Path | None = None,
    stale_days: int = STALE_DAYS,
) -> tuple[bytes, bool]:
    """One HTML file with the map of `shown` and its layers; returns (html, offline).

    `shown` is `viewport.standalone_detail` of the selection (no server answers
    the file's zooms).

    With the offline assets present every script, stylesheet and font is inlined
    and there is no tile layer, so the file opens without internet (offline is
    True); otherwise it links the CDNs and an online tile layer.
    """
    root = vendor_dir or assets.default_vendor_dir()
    offline = not assets.missing_assets(root)
    parts = build_map(
        store,
        shown,
        as_of,
        offline=offline,
        vendor_dir=root,
        base_url=_INLINE,
        stale_days=stale_days,
        embed_basemap=True,
    )
    html = parts.standalone().get_root().render()
    html = html.replace("<head>", f"<head>\n<title>{escape(title)}</title>", 1)
    if offline:
        html = inline_assets(html, root)
    return html.encode("utf-8"), offline


def filename(stem: str, start: dt.date | None, end: dt.date | None, suffix: str) -> str:
    """'borderwatch_2021-06-01_2021-07-31.csv'-style download names."""
    parts = [stem] + [d.isoformat() for d in (start, end) if d is not None]
    return "_".join(parts) + suffix
