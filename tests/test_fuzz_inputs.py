"""Fuzzing within a fixed budget: generated folders, uploads and hostile text never crash.

Each property runs a fixed number of examples (about a minute in all on two
cores); `scripts/fuzz_inputs.py` runs thousands with a timeout per case.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import signal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from malformed import HOSTILE_TEXT, malformed_folder, malformed_upload
from sample_data import BUNDLED, event, write_data_dir

from borderwatch import export
from borderwatch.data.loader import load_dataset, validate_data_dir
from borderwatch.data.problems import DataError
from borderwatch.ingest.review import review_upload, table_problems
from borderwatch.ingest.tidy import context_for
from borderwatch.ingest.upload import read_upload
from borderwatch.render.htmlsafe import escape, markdown_text

LOCATED = re.compile(
    r"^[^,:\n]+, (whole file \(no line or field\)"
    r"|(line \d+|no line), (field [^:\n]+|all fields)): .+$"
)
"""File, line and field, each said plainly where there is none ("whole file", "all fields")."""
FIXTURES = Path(__file__).parent / "ingest" / "fixtures"
BUDGET = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


CASE_TIMEOUT = 300
"""Seconds a case may run before it counts as a hang: generous, the machine is shared."""


def alarm(signum, frame):
    raise TimeoutError(f"a case ran for over {CASE_TIMEOUT} s")


@pytest.fixture(autouse=True)
def no_case_hangs():
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(CASE_TIMEOUT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("seed", range(120))
def test_a_generated_malformed_folder_is_valid_or_reported_with_located_messages(tmp_path, seed):
    malformed_folder(BUNDLED, tmp_path / "data", seed)
    for problem in validate_data_dir(tmp_path / "data"):
        assert LOCATED.match(str(problem)), str(problem)
        assert len(str(problem)) < 400


UPLOAD_FIXTURES = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.csv"))]


@pytest.mark.parametrize("seed", range(120))
def test_a_generated_malformed_upload_is_read_or_refused_with_located_messages(data_dir, seed):
    name, data, _ = malformed_upload(UPLOAD_FIXTURES, seed)
    try:
        up = read_upload(name, data)
        if up.table is not None:
            review = review_upload(up, dt.date(2021, 7, 20))
            problems = table_problems(review.rows, review, context_for(data_dir))
            assert all(LOCATED.match(str(p)) for p in problems)
    except DataError as e:
        assert e.problems and all(LOCATED.match(str(p)) for p in e.problems), e.report()


@BUDGET
@given(data=st.binary(max_size=3000))
def test_any_bytes_as_a_csv_upload_are_read_or_refused_by_name(data):
    try:
        read_upload("events.csv", data)
    except DataError as e:
        assert all(p.file == "events.csv" for p in e.problems)


TEXT_FIELDS = ("event_id", "place", "actors", "summary", "source_id", "original_type")
hostile = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=80))


@BUDGET
@given(values=st.fixed_dictionaries({f: hostile for f in TEXT_FIELDS}))
def test_hostile_text_in_any_field_loads_or_is_reported_and_exports_safely(tmp_path, values):
    folder = write_data_dir(tmp_path / f"d{abs(hash(tuple(values.values())))}", [event(**values)])
    try:
        ds = load_dataset(folder)
    except DataError as e:
        assert all(LOCATED.match(str(p)) for p in e.problems)
        return
    row = pd.read_csv(
        pd.io.common.BytesIO(export.to_csv(ds.events)), dtype=str, keep_default_na=False
    ).iloc[0]
    for field, value in values.items():
        risky = re.match(r"[=+\-@\t\r]", value) and not re.fullmatch(export.NUMBER, value)
        assert row[field] == ("'" + value if risky else value)
    props = json.loads(export.to_geojson(ds.events))["features"][0]["properties"]
    assert isinstance(props["latitude"], float)
    for value in values.values():
        assert "<" not in escape(value) and "`" not in escape(value)
        assert re.search(r"[\[\]()!<>*_#`$:]", re.sub(r"&#\d+;", "", markdown_text(value))) is None
