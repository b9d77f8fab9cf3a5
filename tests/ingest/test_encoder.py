"""The fine-tuned encoder that types a dated clause in extraction (`ingest/encoder.py`).

Its input is built by one function for training and for the product (`encoder_input`), so
these tests pin what it marks; the committed model is read once per process, speaks the
vocabulary's thirteen types in order, and gives a clause the same probabilities whatever
else is typed with it.
"""

from __future__ import annotations

import math

from borderwatch.data import vocab
from borderwatch.ingest import encoder, nlp, typemodel
from borderwatch.ingest.eventtype import NO_CUE, NOTHING_SAID, TypeCue

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
    encoder.forget()
    [alone] = encoder.probabilities([clause])
    encoder.forget()
    together = encoder.probabilities([others[0], clause, others[1]])
    assert together[1] == alone  # bit for bit
    assert encoder.probabilities([clause, clause]) == [alone, alone]


def test_clauses_read_two_at_a_time_ahead_give_the_probabilities_each_gives_alone():
    clauses = [
        "Militia from Kessa shelled the [[ Talmar ]] landing on << 4 May >>.",
        "The [[ Kessa ]] crossing stayed open to lorries on << Tuesday >> despite the strike.",
        "The envoys of both sides met at [[ Port Talmar ]] on << 2 June >> for talks.",
    ]
    encoder.forget()
    alone = [encoder.probabilities([c])[0] for c in clauses]
    encoder.forget()
    encoder.prefetch([*clauses, clauses[0], ""])
    ran = encoder._alone.cache_info()
    assert (ran.misses, ran.currsize) == (3, 3)  # each input once, the empty one never
    assert encoder.probabilities(clauses) == alone  # bit for bit, and not run again
    assert encoder._alone.cache_info().misses == 3


def test_an_input_longer_than_training_s_is_cut_as_training_cut_it():
    long = "Troops crossed at [[ Kessa ]] on << 4 May >> " + "and marched on " * 60 + "."
    encoded = encoder.model().tokenizer.encode(long)
    assert len(encoded.ids) == 64 and encoded.tokens[-1] == "[SEP]"


def test_the_encoder_s_type_is_a_prediction_with_every_type_s_chance_and_a_short_cue():
    text = "Foreign ministers of both states sat down at Kessa on 9 May."
    doc = nlp.parse(text)
    begin, end = _at(text, "9 May")
    guess = typemodel.encoded(doc, begin, end, ["Kessa"])
    assert guess is not None and guess.event_type in vocab.EVENT_TYPES
    assert set(guess.chances) == set(vocab.EVENT_TYPES)
    assert guess.of(guess.event_type) == guess.probability
    assert guess.cue == f"encoder {guess.probability:.2f}"
    assert guess == typemodel.encoded(doc, begin, end, ["Kessa"])


def test_the_logistic_model_alone_speaks_where_the_rules_read_a_saying():
    text = "A spokesman denied on 10 May that militia had shelled Kessa."
    doc = nlp.parse(text)
    begin, end = _at(text, "10 May")
    clause = typemodel.clause_rule(doc, begin, end)
    assert (clause.event_type, clause.cue, clause.strength) == ("statement", "denied", 1.0)
    # the encoder would read the act denied; the logistic model weighed the rules' reading
    said = typemodel.combined(doc, begin, end, clause, clause, ["Kessa"])
    assert said == typemodel.classify(doc, begin, end) and said is not None
    assert said.by == "model"


def test_where_the_rules_found_nothing_or_read_other_words_both_models_speak():
    text = "Kessa held its spring fair on 9 May. Militia shelled Kessa on 11 May."
    doc = nlp.parse(text)
    begin, end = _at(text, "9 May")
    clause = typemodel.clause_rule(doc, begin, end)
    assert clause == NOTHING_SAID
    nothing = typemodel.combined(doc, begin, end, NO_CUE, clause, ["Kessa"])
    assert nothing is not None and nothing.by == "mean"
    # the rules' type comes from other words than the date's clause: the same mean
    elsewhere = TypeCue("clash", "shelled", 1.0)
    assert not typemodel.weighed(elsewhere, clause)
    assert typemodel.combined(doc, begin, end, elsewhere, clause, ["Kessa"]) == nothing


def test_where_both_models_read_the_rules_clause_alike_their_mean_speaks():
    text = "Militia shelled the landing at Kessa on 4 May."
    doc = nlp.parse(text)
    begin, end = _at(text, "4 May")
    clause = typemodel.clause_rule(doc, begin, end)
    assert clause.event_type == "clash"  # the rules typed the date's own clause
    lr = typemodel.classify(doc, begin, end)
    enc = typemodel.encoded(doc, begin, end, ["Kessa"])
    said = typemodel.combined(doc, begin, end, clause, clause, ["Kessa"])
    assert lr is not None and enc is not None and said is not None
    assert lr.event_type == enc.event_type == said.event_type == "clash"
    assert said.by == "mean" and said.cue == f"mean {said.probability:.2f}"
    assert abs(said.probability - (lr.probability + enc.probability) / 2) < 1e-3
