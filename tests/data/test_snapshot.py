import pickle

import pandas as pd
import pytest
from sample_data import EVENTS, event, write_data_dir

from borderwatch.data import loader, snapshot
from borderwatch.data.problems import DataError


def test_a_second_load_of_the_same_folder_comes_from_the_snapshot(data_dir, loads):
    first = snapshot.load(data_dir)
    second = snapshot.load(data_dir)
    assert loads == [str(data_dir)]
    pd.testing.assert_frame_equal(second.events, first.events)
    pd.testing.assert_frame_equal(second.places, first.places)
    assert second.data_dir == data_dir
    assert second.gazetteer.canonical_name("Hayratan") == "Hairatan"


def test_the_snapshot_equals_a_fresh_validated_load(data_dir):
    snapshot.load(data_dir)
    fresh = loader.load_dataset(data_dir)
    pd.testing.assert_frame_equal(snapshot.load(data_dir).events, fresh.events)


def test_editing_a_data_file_makes_a_new_snapshot_with_the_edit(data_dir, loads):
    snapshot.load(data_dir)
    extra = event(event_id="BW-2021-0050", summary="Added after the first load.")
    write_data_dir(data_dir, [*EVENTS, extra])
    ds = snapshot.load(data_dir)
    assert len(loads) == 2
    assert "BW-2021-0050" in set(ds.events["event_id"])


def test_the_same_files_in_another_folder_get_their_own_snapshot(tmp_path, loads):
    a = write_data_dir(tmp_path / "a")
    b = write_data_dir(tmp_path / "b")
    assert snapshot.load(a).data_dir == a
    assert snapshot.load(b).data_dir == b
    assert loads == [str(a), str(b)]


def test_invalid_data_raises_every_time_and_leaves_no_snapshot(tmp_path, snapshot_cache):
    d = write_data_dir(tmp_path / "data", [event(event_type="riot")])
    for _ in range(2):
        with pytest.raises(DataError, match="riot"):
            snapshot.load(d)
    assert list(snapshot_cache.glob("*.pickle")) == []


def test_a_truncated_snapshot_is_rebuilt(data_dir, loads, snapshot_cache):
    snapshot.load(data_dir)
    (path,) = snapshot_cache.glob("*.pickle")
    path.write_bytes(path.read_bytes()[:100])
    assert len(snapshot.load(data_dir).events) == len(EVENTS)
    assert len(loads) == 2
    assert pickle.loads(path.read_bytes())[1].data_dir == data_dir


def test_a_snapshot_others_can_write_is_not_unpickled(data_dir, loads, snapshot_cache):
    snapshot.load(data_dir)
    (path,) = snapshot_cache.glob("*.pickle")
    path.chmod(0o666)
    snapshot.load(data_dir)
    assert len(loads) == 2
    assert path.stat().st_mode & 0o777 == 0o600  # rewritten by the user alone


def test_a_cache_that_cannot_be_written_still_loads_the_data(data_dir, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BORDERWATCH_CACHE", str(blocker / "cache"))
    assert len(snapshot.load(data_dir).events) == len(EVENTS)
    assert blocker.read_text() == "a file where the cache folder should be"


def test_a_folder_over_the_size_limit_is_never_snapshotted(data_dir, monkeypatch, loads):
    monkeypatch.setattr(snapshot, "MAX_BYTES", 100)
    snapshot.load(data_dir)
    snapshot.load(data_dir)
    assert len(loads) == 2


def test_only_the_newest_snapshots_are_kept(tmp_path, monkeypatch, snapshot_cache):
    monkeypatch.setattr(snapshot, "KEEP", 2)
    for name in "abc":
        snapshot.load(write_data_dir(tmp_path / name))
    assert len(list(snapshot_cache.glob("*.pickle"))) == 2


def test_a_planted_link_in_the_cache_is_never_followed(data_dir, loads, snapshot_cache, tmp_path):
    snapshot.load(data_dir)
    (path,) = snapshot_cache.glob("*.pickle")
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(path.read_bytes())
    planted.chmod(0o600)
    path.unlink()
    path.symlink_to(planted)
    snapshot.load(data_dir)
    assert len(loads) == 2  # validated again rather than read through the link
    assert not path.is_symlink()


def test_a_snapshot_renamed_to_another_folders_key_is_not_read(tmp_path, loads, snapshot_cache):
    big = write_data_dir(tmp_path / "big")
    small = write_data_dir(tmp_path / "small", EVENTS[:1])
    snapshot.load(small)
    (small_snapshot,) = snapshot_cache.glob("*.pickle")
    small_snapshot.rename(snapshot_cache / f"{snapshot.snapshot_key(big)}.pickle")
    assert len(snapshot.load(big).events) == len(EVENTS)
    assert loads == [str(small), str(big)]


def test_a_cache_folder_others_can_write_is_not_used(data_dir, loads, tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(snapshot.CACHE_ENV, str(shared))
    snapshot.load(data_dir)
    snapshot.load(data_dir)
    assert len(loads) == 2
    assert list(shared.iterdir()) == []
