"""The offline labelled base map: a Leaflet layer drawn in the page from one JSON file.

`scripts/build_basemap.py` builds `dashboard/static/basemap/basemap.json` (land, lakes,
rivers, country and province boundaries, and labels that appear by zoom) from Natural
Earth and GeoNames data that ship in packages. The app's page fetches it from
Streamlit's static serving, so the map's script stays small and identical on every
rerun; a standalone file carries the data inline instead.
"""

from __future__ import annotations

import json
from pathlib import Path

from borderwatch.map.eventlayer import _BlobElement, blob_json
from borderwatch.map.scripts import program


def basemap_path() -> Path:
    """`dashboard/static/basemap/basemap.json` of the repository."""
    return Path(__file__).resolve().parents[3] / "dashboard" / "static" / "basemap" / "basemap.json"


def basemap_url(vendor_url: str) -> str:
    """Where the page fetches the base map: beside the vendor folder's URL."""
    return vendor_url.rstrip("/").rsplit("/", 1)[0] + "/basemap/basemap.json"


class BaseMap(_BlobElement):
    """Draws the base map into its parent map, from `url` or from `data` when given."""

    draw = "bwBaseMap"

    def __init__(self, url: str, embed: bool = False, path: Path | None = None):
        super().__init__()
        self._name = "BaseMap"
        self.js = program("basemap.js")
        self.url = url
        source = path or basemap_path()
        self.data = blob_json(json.loads(source.read_text(encoding="utf-8"))) if embed else "null"
