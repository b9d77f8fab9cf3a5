"""Downloads of the filtered events: CSV, GeoJSON and a standalone offline HTML map."""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd

from borderwatch.analysis.asof import STALE_DAYS
from borderwatch.data.eventtable import csv_bytes, event_table
from borderwatch.data.loader import Dataset
from borderwatch.map import assets
from borderwatch.map.build import build_map
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
    return csv_bytes(neutralise_formulas(event_table(events)))


def to_geojson(events: pd.DataFrame) -> bytes:
    """The events as an RFC 7946 FeatureCollection (points, every column as a property).

    Latitude and longitude are numbers (null when unknown); everything else is text.
    """
    table = event_table(events)
    for col in ("latitude", "longitude"):
        table[col] = pd.to_numeric(table[col]).astype(object)
        table[col] = table[col].where(table[col].notna(), None)
    gdf = gpd.GeoDataFrame(
        table,
        geometry=gpd.points_from_xy(
            events["longitude"].astype(float), events["latitude"].astype(float)
        ),
        crs="EPSG:4326",
    )
    return gdf.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


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
    ds: Dataset,
    shown: pd.DataFrame,
    as_of: dt.date | None,
    title: str = "BorderWatch map",
    vendor_dir: Path | None = None,
    stale_days: int = STALE_DAYS,
) -> tuple[bytes, bool]:
    """One HTML file with the map of `shown` and its layers; returns (html, offline).

    With the offline assets present every script, stylesheet and font is inlined
    and there is no tile layer, so the file opens without internet (offline is
    True); otherwise it links the CDNs and an online tile layer.
    """
    root = vendor_dir or assets.default_vendor_dir()
    offline = not assets.missing_assets(root)
    parts = build_map(
        ds,
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
