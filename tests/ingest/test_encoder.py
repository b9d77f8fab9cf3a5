"""The fine-tuned encoder that types a dated clause in extraction (`ingest/encoder.py`).

Its input is built by one function for training and for the product (`encoder_input`), so
these tests pin what it marks; the committed model is read once per process, speaks the
vocabulary's thirteen types in order, and gives a clause the same probabilities whatever
else is typed with it.
"""

from __future__ import annotations

import math

from borderwatch.data import vocab
from borderwatch.ingest import encoder, nlp

TEXT = (
    "The ferry to Port Talmar stopped running in March. "
    "Militia from Kessa shelled the Talmar landing on 4 May, and the port closed."
)


def _at(text: str, words: str) -> tuple[int, int]:
    begin = text.index(words)
    return begin, begin + len(words)


def test_the_date_and_the_place_are_marked_in_their_sentence_alone():
    doc = nlp.parse(TEXT)
    begin, end = _at(TEXT, "4 May")
    marked = encoder.encoder_input(doc, begin, end, ["Talmar"])
    # no sentence before, no word of the rules' type: what the model was trained on
    assert marked == (
        "Militia from Kessa shelled the [[ Talmar ]] landing on << 4 May >>, and the port closed."
    )


def test_the_longest_spelling_of_a_place_is_marked_and_never_inside_the_date():
    text = "Forces reached Port Talmar on 2 June. Port Talmar Day fell on 3 June."
    doc = nlp.parse(text)
    begin, end = _at(text, "2 June")
    marked = encoder.encoder_input(doc, begin, end, ["Talmar", "Port Talmar", ""])
    assert marked == "Forces reached [[ Port Talmar ]] on << 2 June >>."


def test_the_encoder_loads_once_per_process_and_speaks_the_vocabulary_in_order():
    assert encoder.model() is encoder.model()
    m = encoder.model()
    assert m.classes == vocab.EVENT_TYPES and len(m.classes) == 13
    assert m.max_tokens == 64  # as in training
    [p] = encoder.probabilities(["Troops crossed into [[ Kessa ]] on << 4 May >>."])
    assert len(p) == 13 and math.isclose(sum(p), 1.0, abs_tol=1e-9)


def test_a_clause_reads_the_same_alone_and_beside_others():
    # dynamic int8 quantises the activations by the batch's range: each clause runs alone
    clause = "Militia from Kessa shelled the [[ Talmar ]] landing on << 4 May >>."
    others = [
        "The envoys of both sides met at [[ Port Talmar ]] on << 2 June >> for talks.",
        "A very long sentence about the [[ Kessa ]] road, "
        + "which the engineers said on << 9 May >> would be rebuilt, " * 6
        + "and nothing else.",
    ]
    encoder._alone.cache_clear()
    [alone] = encoder.probabilities([clause])
    encoder._alone.cache_clear()
    together = encoder.probabilities([others[0], clause, others[1]])
    assert together[1] == alone  # bit for bit
    assert encoder.probabilities([clause, clause]) == [alone, alone]


def test_an_input_longer_than_training_s_is_cut_as_training_cut_it():
    long = "Troops crossed at [[ Kessa ]] on << 4 May >> " + "and marched on " * 60 + "."
    encoded = encoder.model().tokenizer.encode(long)
    assert len(encoded.ids) == 64 and encoded.tokens[-1] == "[SEP]"

