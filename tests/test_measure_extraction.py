"""scripts/measure_extraction.py: how candidate rows are scored against an answer key."""

from __future__ import annotations

import pandas as pd
from scripts_module import load_script

me = load_script("measure_extraction")

KEY = {
    "published": "2021-08-23",
    "places": [["Termez"], ["Hairatan"], ["Uzbekistan"]],
    "events": [
        {"places": ["Termez"], "date_start": "2021-08-22", "date_end": "2021-08-22",
         "date_precision": "day", "event_type": "refugee_movement", "expression": "On Sunday"},
        {"places": ["Hairatan"], "date_start": "2021-08-16", "date_end": "2021-08-16",
         "date_precision": "day", "event_type": "crossing_closed", "expression": "a week ago"},
        {"places": ["Uzbekistan"], "date_start": "2021-08-01", "date_end": "2021-08-10",
         "date_precision": "month", "event_type": "military_exercise",
         "expression": "in early August"},
    ],
}  # fmt: skip


def _row(place: str, start: str, end: str, event_type: str, date_text: str) -> dict:
    return {
        "place": place, "evidence_place_text": place, "date_start": start, "date_end": end,
        "event_type": event_type, "evidence_date_text": date_text, "evidence_type_cue": "",
    }  # fmt: skip


def test_each_type_is_counted_by_how_its_candidate_was_chosen():
    rows = pd.DataFrame(
        [
            # Termez: the key's expression, typed right
            _row("Termez", "2021-08-22", "2021-08-22", "refugee_movement", "On Sunday"),
            # Hairatan: the key's span read from other words, typed wrongly
            _row("Hairatan", "2021-08-16", "2021-08-16", "other", "on 16 August"),
            # Uzbekistan: only another event's date, so the first row there is scored
            _row("Uzbekistan", "2021-07-20", "2021-07-20", "military_exercise", "on 20 July"),
        ]
    )
    s = me.score(rows, KEY)
    assert (s.placed, s.types_right, s.dates_right) == (3, 2, 2)
    assert (s.by_expression, s.by_expression_right) == (1, 1)
    assert (s.by_span, s.by_span_right) == (1, 0)
    assert (s.by_first, s.by_first_right) == (1, 1)


def test_the_totals_print_the_types_split_by_the_scored_candidate(capsys):
    total = me.Score(events=4, rows=9, by_expression=2, by_expression_right=1, by_span=1,
                     by_span_right=1, by_first=1)  # fmt: skip
    me._total_line("total", total)
    assert capsys.readouterr().out.splitlines()[-1] == (
        "types by the scored candidate: with the key's expression 1/2 (50 %), "
        "with its span 1/1 (100 %), the first at the place 0/1 (0 %)"
    )
