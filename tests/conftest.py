"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import write_data_dir

from borderwatch.data import snapshot


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A valid seven-event data folder."""
    return write_data_dir(tmp_path / "data")


@pytest.fixture(autouse=True)
def snapshot_cache(tmp_path_factory, monkeypatch) -> Path:
    """Snapshots of data folders go to a fresh folder, never the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("BORDERWATCH_CACHE", str(folder))
    return folder


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The folders `load_dataset` was really called on (validated), in order."""
    calls: list[str] = []
    real = snapshot.load_dataset

    def counting(d):
        calls.append(str(d))
        return real(d)

    monkeypatch.setattr(snapshot, "load_dataset", counting)
    return calls


@pytest.fixture(scope="session")
def postgres():
    """A private PostgreSQL 15 + PostGIS cluster for the whole run (scripts/test.sh installs it)."""
    from services import PG_BIN, PostgresCluster

    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15 is not installed: run scripts/test.sh")
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def database_url(postgres) -> str:
    """A new empty database (PostGIS installed) on the private cluster."""
    return postgres.new_database()
