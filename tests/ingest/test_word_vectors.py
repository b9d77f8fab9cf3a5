"""Word vectors for the event-type model (`ingest/wordvectors.py`, `word_vectors.npz`).

The model's sparse features are crude stems, so a verb it never met in training weighs
nothing there; the vectors of the verb, what it acts on, who acts and the clause's words
are a dense block beside them (`typemodel.TypeModel.dense`), learnt by the same fit.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from borderwatch.ingest import nlp, typemodel, wordvectors
from borderwatch.ingest.eventtype import NOTHING_SAID

REPO = Path(__file__).resolve().parents[2]


def _training_script():
    path = REPO / "scripts" / "train_type_model.py"
    spec = importlib.util.spec_from_file_location("train_type_model", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_type_model", module)
    spec.loader.exec_module(module)
    return module


def _cosine(a: str, b: str) -> float:
    return float(wordvectors.mean_vector([a]) @ wordvectors.mean_vector([b]))


def test_the_table_loads_once_and_knows_common_words_not_names_or_numbers():
    assert wordvectors.table() is wordvectors.table()
    assert wordvectors.row("shelling") is not None
    assert wordvectors.row("Shelling") is None  # looked up lowercased by the callers
    assert wordvectors.row("zzqxv") is None and wordvectors.row("1999") is None
    assert not wordvectors.mean_vector(["zzqxv"]).any()
    assert abs(float(np.linalg.norm(wordvectors.mean_vector(["shelling", "mortar"]))) - 1) < 1e-3


def test_words_of_one_meaning_lie_closer_than_words_of_another():
    # the table is pruned (20,000 rows for 684,830 keys), so neighbours are coarse
    assert _cosine("shelling", "artillery") > _cosine("shelling", "negotiations") + 0.3
    assert _cosine("closed", "reopened") > _cosine("closed", "met") + 0.3
    assert _cosine("stormed", "attacked") > _cosine("stormed", "banana") + 0.3


def test_the_roles_of_a_dated_clause():
    text = "On 3 March gunmen stormed the customs post, and traders left."
    doc = nlp.parse(text)
    begin = text.index("On 3 March")
    roles = wordvectors.role_words(doc, begin, begin + len("On 3 March"))
    assert roles["verb"] == ["stormed"]
    assert roles["object"] == ["post"] and roles["subject"] == ["gunmen"]
    assert "traders" not in roles["clause"] and "march" not in roles["clause"]
    block = wordvectors.dense(doc, begin, begin + len("On 3 March"))
    assert block.shape == (len(wordvectors.ROLES) * wordvectors.dims(),)


def test_a_verb_never_seen_in_training_is_read_by_its_neighbours():
    # Trained on "attacked" and "fought" as clashes, "negotiated" and "discussed" as
    # meetings, with no sparse feature to tell them apart: "ambushed" and "negotiating"
    # were in no example, and their vectors read them.
    training = _training_script()

    def example(briefing: str, label: str, verb: str):
        vector = wordvectors.block({"verb": [verb]})
        return training.Example(briefing, "on 9 May", label, ("w:x",), NOTHING_SAID, tuple(vector))

    train = [
        example("a", "clash", "attacked"),
        example("b", "clash", "fought"),
        example("c", "diplomatic_contact", "negotiated"),
        example("d", "diplomatic_contact", "discussed"),
    ]
    fitted = training.fit(train)
    assert fitted == training.fit(train) and len(fitted.dense) == len(train[0].vector)
    ambushed = wordvectors.block({"verb": ["ambushed"]})
    assert fitted.predict(["w:x"], vector=ambushed).event_type == "clash"
    talking = wordvectors.block({"verb": ["negotiating"]})
    assert fitted.predict(["w:x"], vector=talking).event_type == "diplomatic_contact"
    assert typemodel.TypeModel.from_json(fitted.to_json()) == fitted
    # scale 0 (or examples without a block) fits the sparse features alone
    assert training.fit(train, scale=0).dense == ()
