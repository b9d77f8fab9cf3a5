"""scripts/type_agreement.py: how far two keyings of the same events agree on types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts_module import load_script

ta = load_script("type_agreement")

# 50 events, the textbook 2 × 2 case: both say clash 20 times, both statement 15 times,
# the first keyer says clash where the second says statement 5 times, the reverse 10 times.
FIRST = ["clash"] * 20 + ["clash"] * 5 + ["statement"] * 10 + ["statement"] * 15
SECOND = ["clash"] * 20 + ["statement"] * 5 + ["clash"] * 10 + ["statement"] * 15


def test_agreement_and_kappa_of_the_textbook_two_by_two_case():
    assert ta.agreement(FIRST, SECOND) == (35, 50)
    # observed 0.70; chance 0.5 × 0.6 + 0.5 × 0.4 = 0.50; kappa (0.70 − 0.50) / 0.50
    assert ta.cohen_kappa(FIRST, SECOND) == pytest.approx(0.4)


def test_kappa_with_three_types_and_uneven_shares():
    first = ["clash", "clash", "clash", "statement", "statement", "other"]
    second = ["clash", "clash", "statement", "statement", "statement", "other"]
    assert ta.agreement(first, second) == (5, 6)
    # observed 30/36, chance (3·2 + 2·3 + 1·1)/36 = 13/36: kappa 17/23
    assert ta.cohen_kappa(first, second) == pytest.approx(17 / 23)
    assert ta.confusion(first, second) == {
        ("clash", "clash"): 2,
        ("clash", "statement"): 1,
        ("statement", "statement"): 2,
        ("other", "other"): 1,
    }
    assert ta.specific_agreement(first, second) == {
        "clash": (4, 5),
        "other": (2, 2),
        "statement": (4, 5),
    }


def test_perfect_agreement_is_kappa_one_even_with_a_single_type():
    assert ta.cohen_kappa(["clash", "other"], ["clash", "other"]) == 1.0
    assert ta.cohen_kappa(["clash"] * 3, ["clash"] * 3) == 1.0


def _key(events: list[tuple[str, str]]) -> dict:
    return {
        "published": "2024-05-31",
        "places": [["Rafah"]],
        "events": [
            {
                "places": ["Rafah"],
                "date_start": "2024-05-0" + str(i + 1),
                "date_end": "2024-05-0" + str(i + 1),
                "date_precision": "day",
                "event_type": t,
                "expression": expr,
            }
            for i, (expr, t) in enumerate(events)
        ],
    }


@pytest.fixture
def keyings(tmp_path: Path) -> tuple[Path, Path]:
    keys = tmp_path / "dev"
    keys.mkdir()
    first = {
        "rafah_2024": [("on 1 May", "clash"), ("on 2 May", "refugee_movement")],
        "narva_2024": [("on 3 May", "other"), ("on 4 May", "statement")],
    }
    second = {
        "rafah_2024": ["clash", "refugee_movement"],
        "narva_2024": ["clash", "statement"],
    }
    records = []
    for briefing, events in first.items():
        (keys / f"{briefing}.key.json").write_text(json.dumps(_key(events)), encoding="utf-8")
        for i, (expr, _) in enumerate(events):
            records.append(
                {"briefing": briefing, "event": i, "expression": expr}
                | {"event_type": second[briefing][i]}
            )
    records[2]["note"] = "other: guards removed buoys, no violence"
    path = tmp_path / "second_keyer.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path, keys


def test_the_script_prints_agreement_kappa_confusion_and_the_disagreement(keyings, capsys):
    second, keys = keyings
    assert ta.main(["--second-keyer", str(second), "--keys-dir", str(keys)]) == 0
    out = capsys.readouterr().out.splitlines()
    # first: clash, refugee_movement, other, statement; second: clash ×2, the rest alike.
    # observed 3/4; chance (1·2 + 1·1 + 1·1)/16 = 1/4; kappa (3/4 − 1/4)/(3/4) = 2/3
    assert "| 4 | 2 | 3/4 (75 %) | 0.667 |" in out
    assert "| first \\ second | clash | other | refugee_movement | statement | total |" in out
    assert "| other | 1 | . | . | . | 1 |" in out
    assert "| total | 2 | 0 | 1 | 1 | |" in out
    assert "| clash | 1 | 2 | 1 | 2/3 (67 %) |" in out
    assert "| other | 1 | 0 | 0 | 0/1 (0 %) |" in out
    assert (
        "| narva_2024 | 0 | on 3 May | other | clash | "
        "other: guards removed buoys, no violence |" in out
    )


def _run_with(keyings: tuple[Path, Path], record: int, field: str, value: str) -> int:
    """Run the script after setting one field of one record of the second keying."""
    second, keys = keyings
    records = json.loads(second.read_text(encoding="utf-8"))
    records[record][field] = value
    second.write_text(json.dumps(records), encoding="utf-8")
    return ta.main(["--second-keyer", str(second), "--keys-dir", str(keys)])


def test_a_record_that_does_not_match_its_key_event_is_named_and_nothing_printed(keyings, capsys):
    second, _ = keyings
    assert _run_with(keyings, 3, "expression", "on Monday") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: {second}, record 3: field 'expression' 'on Monday' is not "
        "narva_2024's event 1 ('on 4 May')\n"
    )


def test_a_type_outside_the_vocabulary_is_an_error_naming_file_record_and_field(keyings, capsys):
    second, _ = keyings
    assert _run_with(keyings, 1, "event_type", "refugees") == 2
    assert capsys.readouterr().err == (
        f"error: {second}, record 1: field 'event_type' 'refugees' is not a type of vocab.py\n"
    )


def test_the_extractor_is_compared_with_each_keyer_over_the_events_it_placed():
    pairs = [
        ta.Pair("a", 0, "on 1 May", "clash", "clash"),
        ta.Pair("a", 1, "on 2 May", "other", "clash"),
        ta.Pair("a", 2, "on 3 May", "statement", "statement"),
        ta.Pair("a", 3, "on 4 May", "statement", "statement"),
    ]
    extracted = ["clash", "clash", "other", ta.NO_CANDIDATE]
    assert ta.extractor_report(pairs, extracted)[2:] == [
        "| events placed (a candidate at a key place) | 3/4 (75 %) |",
        "| = first keyer (the dev key) | 1/3 (33 %) |",
        "| = second keyer | 2/3 (67 %) |",
        "| = either keyer | 2/3 (67 %) |",
        "| = both, on the events where the keyers agree | 1/2 (50 %) |",
    ]


def test_the_committed_second_keying_matches_the_dev_keys_event_for_event():
    pairs = ta.load_pairs(ta.SECOND_KEYER, ta.CORPUS / "dev")
    assert len(pairs) == 131
    assert len({p.briefing for p in pairs}) == 20


def test_a_third_keyer_is_compared_with_each_of_the_other_two(keyings, capsys):
    second, keys = keyings
    records = json.loads(second.read_text(encoding="utf-8"))
    # the third keyer sides with the first on narva's event 0 and differs from both on 1
    records[2]["event_type"] = "other"
    records[3]["event_type"] = "diplomatic_contact"
    third = second.with_name("third_keyer.json")
    third.write_text(json.dumps(records), encoding="utf-8")
    argv = ["--second-keyer", str(second), "--third-keyer", str(third), "--keys-dir", str(keys)]
    assert ta.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    # first: clash, refugee_movement, other, statement; second: clash, refugee_movement,
    # clash, statement; third: clash, refugee_movement, other, diplomatic_contact
    assert "| first and second | 3/4 (75 %) | 0.667 |" in out
    # chance first–third (1 + 1 + 1)/16, kappa (3/4 − 3/16)/(13/16) = 9/13;
    # second–third (2 + 1)/16, kappa (1/2 − 3/16)/(13/16) = 5/13
    assert "| first and third | 3/4 (75 %) | 0.692 |" in out
    assert "| second and third | 2/4 (50 %) | 0.385 |" in out
    assert "| all three alike | 2/4 (50 %) | |" in out


def test_the_majority_type_is_the_one_two_keyers_share_and_none_when_all_differ():
    second = [
        ta.Pair("a", 0, "on 1 May", "clash", "clash"),
        ta.Pair("a", 1, "on 2 May", "other", "clash"),
        ta.Pair("a", 2, "on 3 May", "statement", "other"),
    ]
    third = [
        ta.Pair("a", 0, "on 1 May", "clash", "other"),
        ta.Pair("a", 1, "on 2 May", "other", "clash"),
        ta.Pair("a", 2, "on 3 May", "statement", "clash"),
    ]
    majority = ta.majority_types(second, third)
    assert majority == ["clash", "clash", ""]
    assert ta.majority_report(majority, ["clash", "other", "statement"]) == [
        "| = the majority of three keyers, where two or three agree | 1/2 (50 %) |"
    ]


def test_keyings_of_different_events_cannot_be_compared(keyings, capsys):
    second, keys = keyings
    records = json.loads(second.read_text(encoding="utf-8"))
    third = second.with_name("third_keyer.json")
    third.write_text(json.dumps(records[:3]), encoding="utf-8")
    argv = ["--second-keyer", str(second), "--third-keyer", str(third), "--keys-dir", str(keys)]
    assert ta.main(argv) == 2
    assert capsys.readouterr().err == (
        "error: the second and third keyings must list the same events in one order\n"
    )


def test_the_committed_keyings_of_the_thirty_briefings_match_the_dev_keys():
    agreement = ta.CORPUS / "agreement"
    s1 = ta.load_pairs(agreement / "heldout_aq_ar_s1.json", ta.CORPUS / "dev")
    s2 = ta.load_pairs(agreement / "heldout_aq_ar_s2.json", ta.CORPUS / "dev")
    assert len(s1) == len(s2) == 283
    assert len({p.briefing for p in s1}) == 30
    # The first keying is dev's keys as they stand: three declarations of independence in
    # peljesac_2022 and sadakhlo_1919, re-keyed `statement` by the thirtieth-round ruling in the
    # thirty-fifth round, now agree with both later keyers (265, 261, 259 before).
    assert ta.three_keyers_report(s1, s2)[2:] == [
        "| first and second | 268/283 (95 %) | 0.938 |",
        "| first and third | 264/283 (93 %) | 0.921 |",
        "| second and third | 273/283 (96 %) | 0.958 |",
        "| all three alike | 262/283 (93 %) | |",
    ]
