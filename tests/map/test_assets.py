import io
import re
import stat
import sys
import tarfile
import textwrap
from pathlib import Path

import folium
import folium.plugins
import pytest
from sample_data import write_stub_vendor

from borderwatch.cli import main
from borderwatch.map import assets

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
GLYPHICONS = "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css"


def _links(m: folium.Map) -> list[str]:
    urls = []
    for el in assets.walk(m):
        for attr in ("default_js", "default_css"):
            urls += [u for _, u in getattr(el, attr, [])]
    return urls


def test_every_url_folium_and_the_used_plugins_emit_has_a_mapping():
    m = folium.Map(tiles=None)
    folium.plugins.MarkerCluster().add_to(m)
    folium.plugins.HeatMap([[37.2, 67.4]]).add_to(m)
    folium.plugins.Fullscreen().add_to(m)
    unknown = [u for u in _links(m) if u not in assets.CDN_FILES]
    assert unknown == []


def test_asset_url_prefers_the_local_copy_and_falls_back_to_the_cdn(tmp_path):
    assert assets.asset_url(LEAFLET_JS, tmp_path) == LEAFLET_JS
    write_stub_vendor(tmp_path)
    assert assets.asset_url(LEAFLET_JS, tmp_path) == (
        "/app/static/vendor/leaflet@1.9.3/dist/leaflet.js"
    )


def test_links_without_a_local_copy_are_dropped_offline_and_unneeded_ones_always(tmp_path):
    assert assets.asset_url(LEAFLET_JS, tmp_path, offline=True) is None
    write_stub_vendor(tmp_path)
    assert assets.asset_url(GLYPHICONS, tmp_path, offline=True) is None
    assert assets.asset_url(GLYPHICONS, tmp_path, offline=False) is None  # never needed


def test_localize_rewrites_every_link_of_a_map_offline_to_local_paths(tmp_path):
    write_stub_vendor(tmp_path)
    (tmp_path / assets.BUNDLE_JS).unlink()
    m = folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(m)
    assets.localize(m, tmp_path, offline=True)
    urls = _links(m)
    assert "/app/static/vendor/leaflet@1.9.3/dist/leaflet.js" in urls
    assert "/app/static/vendor/leaflet.fullscreen@3.0.0/Control.FullScreen.js" in urls
    assert all(u.startswith("/app/static/vendor/") for u in urls)
    html = m.get_root().render()
    assert "https://" not in html.split("<body>")[0]


def test_with_the_bundle_the_page_loads_one_script_first_and_no_bundled_one_again(tmp_path):
    write_stub_vendor(tmp_path)
    m = folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(m)
    folium.plugins.MarkerCluster().add_to(m)
    folium.plugins.HeatMap([[37.2, 67.4]]).add_to(m)
    assets.localize(m, tmp_path, offline=True)
    head = m.get_root().render().split("</head>")[0]
    scripts = re.findall(r'<script src="([^"]+)"', head)
    assert scripts == ["/app/static/vendor/vendor-bundle.js"]
    assert "/app/static/vendor/leaflet@1.9.3/dist/leaflet.css" in head  # stylesheets stay apart


def test_the_bundle_holds_every_script_in_dependency_order(tmp_path):
    write_stub_vendor(tmp_path)
    for rel in assets.BUNDLED_JS:
        (tmp_path / rel).write_text(f"window.loaded = (window.loaded || []).concat({rel!r})")
    text = assets.write_bundle(tmp_path).read_text()
    positions = [text.index(f"/* {rel} */") for rel in assets.BUNDLED_JS]
    assert positions == sorted(positions)
    assert assets.BUNDLED_JS[0] == "leaflet@1.9.3/dist/leaflet.js"
    assert text.count("\n;\n") == len(assets.BUNDLED_JS)  # no file runs into the next
    local_js = {v for k, v in assets.CDN_FILES.items() if v and v.endswith(".js")}
    assert set(assets.BUNDLED_JS) == local_js


def test_localize_leaves_folium_class_defaults_untouched(tmp_path):
    write_stub_vendor(tmp_path)
    assets.localize(folium.Map(tiles=None), tmp_path, offline=True)
    assert (("leaflet", LEAFLET_JS)) in folium.Map.default_js


FAKE_NPM = textwrap.dedent(
    """\
    #!{python}
    # Stand-in for `npm pack SPEC --silent --pack-destination DIR`: writes a tarball
    # holding every kept path of the package, as the registry's would.
    import io, sys, tarfile
    sys.path.insert(0, {src!r})
    from borderwatch.map.assets import CDN_FILES, PACKAGES
    spec, dest = sys.argv[2], sys.argv[-1]
    package = next(p for p in PACKAGES if p.spec == spec)
    name = package.folder.replace("@", "-") + ".tgz"
    with tarfile.open(f"{{dest}}/{{name}}", "w:gz") as tar:
        mapped = [v.split("/", 1)[1] for v in CDN_FILES.values()
                  if v and v.startswith(package.folder + "/")]
        paths = [k + "stub.woff2" if k.endswith("/") else k for k in package.keep]
        for path in sorted(set(paths + mapped)) + ["README.md", "dist/leaflet.js.map"]:
            data = b"stub"
            info = tarfile.TarInfo("package/" + path)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    print(name)
    """
)


@pytest.fixture
def fake_npm(tmp_path) -> str:
    src = str(Path(assets.__file__).parents[2])
    path = tmp_path / "npm"
    path.write_text(FAKE_NPM.format(python=sys.executable, src=src))
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_fetch_extracts_only_the_kept_files_of_each_package(tmp_path, fake_npm):
    vendor = tmp_path / "vendor"
    assets.fetch_assets(vendor, npm=fake_npm)
    assert assets.missing_assets(vendor) == []
    assert (vendor / "fontawesome-free@6.2.0/webfonts/fa-solid-900.woff2").is_file()
    assert (vendor / "leaflet@1.9.3/dist/images/stub.woff2").is_file()  # a kept folder
    assert (vendor / "leaflet@1.9.3/LICENSE").is_file()
    assert not (vendor / "leaflet@1.9.3/README.md").exists()
    assert not (vendor / "leaflet@1.9.3/dist/leaflet.js.map").exists()  # a file is kept alone
    assert (vendor / "folium/LICENSE.txt").is_file()
    assert (vendor / "folium/leaflet_heat.min.js").stat().st_size > 1000
    assert "/* folium/leaflet_heat.min.js */" in (vendor / assets.BUNDLE_JS).read_text()


def test_fetch_without_npm_says_what_to_install(tmp_path):
    with pytest.raises(RuntimeError, match="apt-get install npm"):
        assets.fetch_assets(tmp_path, npm="no-such-npm-here")


def test_extract_ignores_paths_that_climb_out_of_the_vendor_folder(tmp_path):
    tarball = tmp_path / "evil.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        info = tarfile.TarInfo("package/../../escaped.js")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    package = assets.NpmPackage("evil@1.0.0", ("",))
    assert assets._extract(tarball, package, tmp_path / "vendor") == []
    assert not (tmp_path / "escaped.js").exists()


def test_cli_assets_check_lists_what_is_missing(tmp_path, capsys):
    assert main(["assets", "check", "--dest", str(tmp_path)]) == 1
    assert "leaflet@1.9.3/dist/leaflet.js" in capsys.readouterr().out
    write_stub_vendor(tmp_path)
    assert main(["assets", "check", "--dest", str(tmp_path)]) == 0


def test_the_repository_ships_every_asset_so_the_map_needs_no_setup_step():
    assert assets.missing_assets() == []
    bundle = (assets.default_vendor_dir() / assets.BUNDLE_JS).read_text(encoding="utf-8")
    for rel in assets.BUNDLED_JS:  # the committed bundle is the committed scripts, in order
        assert (
            f"/* {rel} */\n" + (assets.default_vendor_dir() / rel).read_text(encoding="utf-8")
            in bundle
        )


def test_every_vendored_package_has_its_licence_beside_it():
    root = assets.default_vendor_dir()
    for package in assets.PACKAGES:
        kept = [k for k in package.keep if "licen" in k.lower() or k == "package.json"]
        assert kept, package.spec
        assert all((root / package.folder / k).is_file() for k in kept), package.spec
    listed = (root / "LICENSES.md").read_text(encoding="utf-8")
    assert all(f"`{p.folder}/`" in listed for p in assets.PACKAGES)
