import threading
from pathlib import Path

from sample_data import EVENTS, event, write_data_dir
from streamlit.web.server.app_discovery import discover_asgi_app

from borderwatch.data import snapshot
from borderwatch.map import build
from borderwatch.warmup import warm_up

REPO = Path(__file__).resolve().parents[1]


def test_warm_up_leaves_a_snapshot_so_the_page_does_not_validate(data_dir, monkeypatch):
    warm_up(data_dir)
    monkeypatch.setattr(snapshot, "load_dataset", lambda d: (_ for _ in ()).throw(AssertionError))
    assert len(snapshot.load(data_dir).events) == len(EVENTS)


def test_warm_up_reads_the_map_outlines_before_the_page_asks_for_them(data_dir, monkeypatch):
    bundled = len(build.load_outlines(REPO / "geodata"))  # the data folder has no outlines file
    build._outlines.cache_clear()
    warm_up(data_dir)
    monkeypatch.setattr(build, "load_outlines", lambda d: (_ for _ in ()).throw(AssertionError))
    assert len(build.map_outlines(data_dir)["features"]) == bundled


def test_warm_up_on_a_folder_with_problems_neither_raises_nor_snapshots(tmp_path, snapshot_cache):
    d = write_data_dir(tmp_path / "data", [event(country="XXX")])
    warm_up(d)
    warm_up(tmp_path / "no-such-folder")
    assert list(snapshot_cache.glob("*.pickle")) == []


def test_the_page_and_the_warm_up_loading_at_once_validate_only_once(data_dir, loads):
    warm = threading.Thread(target=warm_up, args=(data_dir,))
    warm.start()
    page = snapshot.load(data_dir)
    warm.join()
    assert len(loads) == 1
    assert len(page.events) == len(EVENTS)


def test_streamlit_run_serves_app_py_as_an_st_app_of_the_main_page():
    found = discover_asgi_app(REPO / "dashboard" / "app.py")
    assert found.is_asgi_app
    assert found.app_name == "app"
    assert 'st.App("BorderWatch.py"' in (REPO / "dashboard" / "app.py").read_text()
    assert (REPO / "dashboard" / "BorderWatch.py").is_file()
