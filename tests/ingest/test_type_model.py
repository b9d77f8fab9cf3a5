"""The learned event-type model (`ingest/typemodel.py`, weights in `type_model.json`).

It is trained on the development answer keys by `scripts/train_type_model.py`, and
extraction asks it only where the rules find no event word in a dated clause.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sample_data import places_frame

from borderwatch.data import vocab
from borderwatch.ingest import nlp, typemodel
from borderwatch.ingest.extract import extract_candidates

REPO = Path(__file__).resolve().parents[2]


def model_type(text: str, date: str) -> typemodel.Prediction:
    """The model's own type for the clause holding `date` (no rules involved)."""
    doc = nlp.parse(text)
    begin = text.index(date)
    guess = typemodel.classify(doc, begin, begin + len(date))
    assert guess is not None
    return guess


def test_the_model_loads_once_per_process_and_speaks_the_vocabulary():
    assert typemodel.model() is typemodel.model()
    m = typemodel.model()
    assert set(m.classes) <= set(vocab.EVENT_TYPES)
    assert {"clash", "crossing_closed", "diplomatic_contact", "infrastructure"} <= set(m.classes)
    assert all(len(w) == len(m.classes) for w in m.weights.values())
    assert m.meta["regenerate"] == "python scripts/train_type_model.py"


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Uzbekistan closed the Termez crossing on 9 July after the fighting.",
            "on 9 July",
            "crossing_closed",
        ),
        (
            "Kyrgyz and Tajik border guards exchanged fire near Kok-Tash on 28 April.",
            "on 28 April",
            "clash",
        ),
        (
            "Iran's foreign minister visited Kabul on 12 May for talks.",
            "on 12 May",
            "diplomatic_contact",
        ),
        (
            "A railway line linking Aqina and Andkhoy opened on 14 January.",
            "on 14 January",
            "infrastructure",
        ),
        ("Pakistan reopened the Torkham crossing on 3 March.", "on 3 March", "crossing_reopened"),
    ],
)
def test_the_model_alone_types_short_clauses_of_our_own(text: str, date: str, expected: str):
    guess = model_type(text, date)
    assert guess.event_type == expected
    assert guess.probability >= typemodel.FLOOR
    assert guess.cue.startswith(f"model {guess.probability:.2f}: ")
    assert len(guess.reasons) >= 1


def test_the_model_is_deterministic_and_its_features_are_sorted():
    text = "Kyrgyz and Tajik border guards exchanged fire near Kok-Tash on 28 April."
    doc = nlp.parse(text)
    begin = text.index("on 28 April")
    feats = typemodel.features(doc, begin, begin + len("on 28 April"))
    assert feats == sorted(set(feats))
    assert "verb:exchang" in feats and "dobj_cue:clash" in feats
    assert model_type(text, "on 28 April") == model_type(text, "on 28 April")


def test_words_inside_a_body_s_name_are_no_features():
    text = "Kazakhstan chairs the Organization for Security and Co-operation in Europe this year."
    doc = nlp.parse(text)
    begin = text.index("this year")
    assert not any("cue" in f for f in typemodel.features(doc, begin, begin + len("this year")))


def test_a_crossing_kept_open_or_not_closed_is_never_a_closure_in_extraction():
    # The model alone, with few negated examples to learn from, would call both closures:
    # the rules read these clauses first, so it is never asked.
    places = places_frame()
    published = dt.date(2021, 7, 13)
    for text in (
        "Uzbekistan kept the Termez crossing open on 9 July.",
        "Uzbekistan did not close the Termez crossing on 9 July.",
    ):
        df = extract_candidates(text, published, "TEST-BRIEF", places)
        at = df[df["place"] == "Termez"]
        assert at["event_type"].tolist() == ["crossing_reopened"], text
        assert not at["evidence_type_cue"].iloc[0].startswith("model"), text


def test_retraining_on_the_dev_keys_reproduces_the_committed_weights():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_type_model.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "type_model.json: reproduced"
