"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_data import write_data_dir


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A valid seven-event data folder."""
    return write_data_dir(tmp_path / "data")
