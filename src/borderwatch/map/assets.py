"""Map assets: the files folium loads from CDNs, committed with the repository.

`CDN_FILES` maps every CDN URL that folium and the plugins BorderWatch uses emit
to a path under the vendor folder (`dashboard/static/vendor/`, committed with
each package's licence beside its files), which Streamlit serves at
`/app/static/vendor/`. `localize` rewrites a map's links to those local files, so
the page needs no outside host and no setup step; a link without a local copy
keeps its CDN, and offline is dropped. `borderwatch assets fetch` re-vendors the
folder from the npm registry with `npm pack` (when upgrading a package, say).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

import folium
from branca.element import Element
from folium.elements import JSCSSMixin

AnyElement = TypeVar("AnyElement", bound=Element)

STATIC_URL = "/app/static/vendor"
"""Where Streamlit's static file serving publishes `dashboard/static/vendor/`."""


def static_url(base_path: str = "") -> str:
    """`STATIC_URL` under the server's `server.baseUrlPath` (blank when served at the root)."""
    return "/" + "/".join(p for p in (base_path.strip("/"), STATIC_URL.strip("/")) if p)


@dataclass(frozen=True)
class NpmPackage:
    """One npm package version and the parts of it the map needs."""

    spec: str
    """`name@version` as `npm pack` takes it."""
    keep: tuple[str, ...]
    """Files, and folders (ending in "/"), inside the package to extract: CSS needs its fonts
    and images too, and every package's licence goes beside its files."""

    @property
    def folder(self) -> str:
        """Folder name under the vendor folder: the spec without an npm scope."""
        return self.spec.rsplit("/", 1)[-1]


PACKAGES: tuple[NpmPackage, ...] = (
    NpmPackage("leaflet@1.9.3", ("dist/leaflet.js", "dist/leaflet.css", "dist/images/", "LICENSE")),
    NpmPackage("jquery@3.7.1", ("dist/jquery.min.js", "LICENSE.txt")),
    NpmPackage(
        "bootstrap@5.2.2",
        ("dist/js/bootstrap.bundle.min.js", "dist/css/bootstrap.min.css", "LICENSE"),
    ),
    # Leaflet.awesome-markers 2.0.2 (folium's pin) is on npm only as this repackaging,
    # which ships no licence text: its package.json states the MIT licence.
    NpmPackage(
        "drmonty-leaflet-awesome-markers@2.0.2",
        ("js/leaflet.awesome-markers.js", "css/", "package.json"),
    ),
    # Browsers take the woff2 fonts; the CSS's .ttf fallbacks are never asked for.
    NpmPackage(
        "@fortawesome/fontawesome-free@6.2.0",
        (
            "css/all.min.css",
            "webfonts/fa-solid-900.woff2",
            "webfonts/fa-regular-400.woff2",
            "webfonts/fa-brands-400.woff2",
            "webfonts/fa-v4compatibility.woff2",
            "LICENSE.txt",
        ),
    ),
    NpmPackage(
        "leaflet.markercluster@1.1.0",
        (
            "dist/leaflet.markercluster.js",
            "dist/MarkerCluster.css",
            "dist/MarkerCluster.Default.css",
            "MIT-LICENCE.txt",
        ),
    ),
    NpmPackage(
        "leaflet.fullscreen@3.0.0",
        ("Control.FullScreen.js", "Control.FullScreen.css", "icon-fullscreen.svg", "LICENSE"),
    ),
)

FOLIUM_FILES: tuple[str, ...] = ("leaflet_heat.min.js",)
"""Files folium loads from its own GitHub templates folder; the installed folium ships them
(Leaflet.heat's BSD licence is in the file's header, folium's MIT licence goes beside it)."""

CDN_FILES: dict[str, str | None] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet@1.9.3/dist/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet@1.9.3/dist/leaflet.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery@3.7.1/dist/jquery.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": (
        "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js"
    ),
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css": (
        "bootstrap@5.2.2/dist/css/bootstrap.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": (  # noqa: E501
        "drmonty-leaflet-awesome-markers@2.0.2/js/leaflet.awesome-markers.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": (  # noqa: E501
        "drmonty-leaflet-awesome-markers@2.0.2/css/leaflet.awesome-markers.css"
    ),
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": (
        "fontawesome-free@6.2.0/css/all.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js": (
        "leaflet.markercluster@1.1.0/dist/leaflet.markercluster.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css": (
        "leaflet.markercluster@1.1.0/dist/MarkerCluster.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css": (  # noqa: E501
        "leaflet.markercluster@1.1.0/dist/MarkerCluster.Default.css"
    ),
    # the CDN minifies on the fly; the npm package has only the plain file
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": (
        "leaflet.fullscreen@3.0.0/Control.FullScreen.js"
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css": (
        "leaflet.fullscreen@3.0.0/Control.FullScreen.css"
    ),
    "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js": (  # noqa: E501
        "folium/leaflet_heat.min.js"
    ),
    # Not on npm, and BorderWatch uses neither glyphicon icons nor rotated
    # awesome-markers: these two stylesheets are always left out.
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css": None,
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css": None,  # noqa: E501
}
"""CDN URL -> path under the vendor folder (None: not needed, always left out)."""

BUNDLE_JS = "vendor-bundle.js"
"""The local scripts of `BUNDLED_JS` in one file, written by `fetch_assets`.

streamlit-folium's frame loads a map's scripts one after another: seven files
took about 0.6 s of the app's cold start on a 2-core machine, one file 0.1 s.
"""

BUNDLED_JS: tuple[str, ...] = tuple(p for p in CDN_FILES.values() if p and p.endswith(".js"))
"""Every script in CDN_FILES, in its order: Leaflet first, jQuery before Bootstrap."""


OFFLINE_ENV = "BORDERWATCH_OFFLINE"


def offline_mode() -> bool:
    """True when `$BORDERWATCH_OFFLINE` is set to anything but "", "0" or "false"."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() not in {"", "0", "false", "no"}


def default_vendor_dir() -> Path:
    """`dashboard/static/vendor/` of the repository."""
    return Path(__file__).resolve().parents[3] / "dashboard" / "static" / "vendor"


def missing_assets(vendor_dir: Path | None = None) -> list[str]:
    """Local paths from CDN_FILES, and the bundle, that are not in `vendor_dir` (empty: ready)."""
    root = vendor_dir or default_vendor_dir()
    wanted = {p for p in CDN_FILES.values() if p} | {BUNDLE_JS}
    return sorted(p for p in wanted if not (root / p).is_file())


def write_bundle(vendor_dir: Path | None = None) -> Path:
    """Concatenate the `BUNDLED_JS` files into `BUNDLE_JS` (atomically); returns its path."""
    root = vendor_dir or default_vendor_dir()
    parts = []
    for rel in BUNDLED_JS:
        # a file without a final newline or semicolon must not run into the next one
        parts.append(f"/* {rel} */\n{(root / rel).read_text(encoding='utf-8')}\n;\n")
    target = root / BUNDLE_JS
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(parts), encoding="utf-8")
    tmp.replace(target)
    return target


def asset_url(
    url: str, vendor_dir: Path | None = None, base_url: str = STATIC_URL, offline: bool = False
) -> str | None:
    """Where the page should load `url` from: the local copy if present, else the CDN.

    None means the link is to be left out: a file the map does not need (mapped to
    None in CDN_FILES), or offline, a URL without a local copy.
    """
    root = vendor_dir or default_vendor_dir()
    if url in CDN_FILES and CDN_FILES[url] is None:
        return None
    local = CDN_FILES.get(url)
    if local and (root / local).is_file():
        return f"{base_url.rstrip('/')}/{local}"
    return None if offline else url


def walk(element: Element) -> Iterator[Element]:
    """`element` and all its descendants, depth first."""
    yield element
    for child in list(element._children.values()):
        yield from walk(child)


def localize(
    element: AnyElement,
    vendor_dir: Path | None = None,
    base_url: str = STATIC_URL,
    offline: bool = False,
) -> AnyElement:
    """Point every JS/CSS link in `element`'s tree at the local copies; returns `element`.

    When the bundle is present, a `folium.Map` loads it in place of its first
    bundled script, and every other link to a bundled script is dropped: the
    map's scripts come first in the page, so its bundle serves the layers too.
    The lists are replaced on each instance (never mutated in place) because
    folium keeps its defaults in class attributes shared by every map.
    """
    root = vendor_dir or default_vendor_dir()
    bundled = set(BUNDLED_JS) if (root / BUNDLE_JS).is_file() else set()
    bundle_link = ("borderwatch_map_js", f"{base_url.rstrip('/')}/{BUNDLE_JS}")
    for el in walk(element):
        if not isinstance(el, JSCSSMixin):
            continue
        for attr in ("default_js", "default_css"):
            links = []
            for name, url in getattr(el, attr):
                if attr == "default_js" and CDN_FILES.get(url) in bundled:
                    if isinstance(el, folium.Map) and bundle_link not in links:
                        links.append(bundle_link)
                    continue
                new = asset_url(url, root, base_url, offline)
                if new is not None:
                    links.append((name, new))
            setattr(el, attr, links)
    return element


def _npm_pack(spec: str, dest: Path, npm: str) -> Path:
    """Download `spec`'s tarball from the npm registry into `dest` with `npm pack`."""
    if shutil.which(npm) is None:
        raise RuntimeError(
            f"{npm!r} not found: install Node.js's npm (Debian: apt-get install npm) and retry"
        )
    out = subprocess.run(
        [npm, "pack", spec, "--silent", "--pack-destination", str(dest)],
        check=False,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise RuntimeError(f"npm pack {spec} failed: {out.stderr.strip() or out.stdout.strip()}")
    name = out.stdout.strip().splitlines()[-1]
    return dest / name


def _kept(path: str, entry: str) -> bool:
    """Whether `path` is what a `keep` entry names: the file itself, or anything in a folder
    (an entry ending in "/"; "" is the whole package). `dist/leaflet.js` keeps no `.js.map`."""
    return path == entry or ((entry == "" or entry.endswith("/")) and path.startswith(entry))


def _extract(tarball: Path, package: NpmPackage, vendor_dir: Path) -> list[Path]:
    """Extract the kept files of one package tarball (its root folder is `package/`)."""
    written = []
    target_root = vendor_dir / package.folder
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts
            inner = PurePosixPath(*parts[1:]) if len(parts) > 1 else None
            if inner is None or ".." in inner.parts or inner.is_absolute():
                continue
            if not any(_kept(str(inner), prefix) for prefix in package.keep):
                continue
            target = target_root / inner
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is None:
                continue
            target.write_bytes(source.read())
            written.append(target)
    return written


def fetch_assets(vendor_dir: Path | None = None, npm: str = "npm") -> list[Path]:
    """Download every file in CDN_FILES into `vendor_dir`; returns the files written.

    Raises RuntimeError naming what is still missing if any file could not be had.
    """
    root = vendor_dir or default_vendor_dir()
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for package in PACKAGES:
            written += _extract(_npm_pack(package.spec, Path(tmp), npm), package, root)
    templates = Path(folium.__file__).parent / "templates"
    for name in FOLIUM_FILES:
        target = root / "folium" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates / name, target)
        written.append(target)
    for licence in _folium_licences():
        target = root / "folium" / licence.name
        shutil.copyfile(licence, target)
        written.append(target)
    missing = [p for p in missing_assets(root) if p != BUNDLE_JS]
    if missing:
        raise RuntimeError(f"assets still missing after fetch: {', '.join(missing)}")
    written.append(write_bundle(root))
    return written


def _folium_licences() -> list[Path]:
    """The licence files of the installed folium distribution."""
    from importlib.metadata import distribution

    files = distribution("folium").files or []
    return [Path(str(f.locate())) for f in files if "licen" in f.name.lower()]


def cmd_assets(args: argparse.Namespace) -> int:
    """`borderwatch assets fetch|check`."""
    dest = args.dest
    if args.action == "fetch":
        try:
            files = fetch_assets(dest)
        except RuntimeError as e:
            print(f"error: {e}")
            return 1
        print(f"fetched {len(files)} files into {dest or default_vendor_dir()}")
        return 0
    missing = missing_assets(dest)
    if missing:
        print("missing (restore them with git, or run `borderwatch assets fetch`):")
        for path in missing:
            print(f"  {path}")
        return 1
    print(f"all {len({p for p in CDN_FILES.values() if p}) + 1} map assets present")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `borderwatch assets fetch|check` to the CLI."""
    p = subparsers.add_parser(
        "assets", help="the committed map assets (Leaflet, plugins, fonts): re-vendor or check"
    )
    p.add_argument("action", choices=["fetch", "check"])
    p.add_argument("--dest", type=Path, default=None, help="default: dashboard/static/vendor")
    p.set_defaults(func=cmd_assets)
