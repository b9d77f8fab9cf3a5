"""One load per version of a data folder, shared by the warm-up and every session."""

from __future__ import annotations

import threading

import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.data import snapshot
from borderwatch.data.store import FrameStore, forget_stores, open_store
from borderwatch.warmup import warm_up


@pytest.fixture(autouse=True)
def fresh_stores():
    forget_stores()
    yield
    forget_stores()


@pytest.fixture
def no_snapshots(monkeypatch):
    """Every folder counts as too big to snapshot, as a million-event folder is."""
    monkeypatch.setattr(snapshot, "MAX_BYTES", 0)


def test_every_caller_gets_the_one_store_of_a_folder(data_dir, loads, no_snapshots):
    first = open_store(data_dir)
    assert open_store(data_dir) is first
    assert open_store(str(data_dir) + "/") is first
    assert loads == [str(data_dir.resolve())]


def test_the_warm_up_and_the_first_page_at_once_load_a_big_folder_once(
    data_dir, loads, no_snapshots
):
    warm = threading.Thread(target=warm_up, args=(data_dir,))
    warm.start()
    page = open_store(data_dir)
    warm.join()
    assert len(loads) == 1
    assert open_store(data_dir) is page
    assert page.total == len(EVENTS)


def test_an_edited_folder_is_loaded_again_and_the_old_version_let_go(data_dir, loads):
    before = open_store(data_dir)
    write_data_dir(data_dir, [*EVENTS, event(event_id="BW-2021-0050")])
    after = open_store(data_dir)
    assert after is not before
    assert (before.total, after.total) == (len(EVENTS), len(EVENTS) + 1)
    assert open_store(data_dir) is after


def test_the_bundled_kind_of_folder_is_held_in_pandas(data_dir):
    assert isinstance(open_store(data_dir), FrameStore)
