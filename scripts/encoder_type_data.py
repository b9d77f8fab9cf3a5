"""Data for fine-tuning a small encoder to type a dated clause (issue 16, thirty-first round).

    PYTHONPATH=src python scripts/encoder_type_data.py OUT_DIR

Writes, under OUT_DIR:

* `examples.pkl`: `train_type_model.examples()` for all of dev (the logistic regression's
  examples), with beside each the encoder's input text (`encoder_input`);
* `examples.jsonl`: briefing, label, the rules' type for the clause, the input text;
* `scored.pkl` / `scored.jsonl`: for the sixty briefings held out (`HELD_OUT`), the candidate
  scored for each placed key event (`cross_validate_type_model.extract_all`'s `Scored`) and
  the encoder's input text for its dated clause (empty where the candidate is not dated).

The input (`encoder_input`): the date's sentence with the date expression marked "<< … >>"
and the place marked "[[ … ]]", and the sentence before it (the pair's second text).
"""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import cross_validate_type_model as cv
import train_type_model as training

from borderwatch.ingest import nlp, typemodel, wordvectors

REPO = Path(__file__).resolve().parents[1]
DEV = training.DEV
PREVIOUS_RETIRED = (
    "alov_2001", "beslan_2004", "chobe_2020", "corumba_2013", "cucuta_2016", "kars_1953",
    "khorab_1915", "la_higuera_1967", "lusaka_1978", "maseru_2014", "moiwana_1986",
    "nakhchivan_1990", "nkhata_bay_1959", "sadakhlo_1919", "venezuela_1903", "abu_dhabi_2022",
    "arad_1988", "busaiya_1927", "crater_1967", "erimo_2017", "hormuz_2023", "kaigara_2006",
    "komarno_2009", "moneron_1983", "peljesac_2022", "sakhalin_1905", "shenyang_2002",
    "subotica_1934", "temelin_2000", "umm_qasr_1993",
)  # fmt: skip
"""heldout_aq/ar, retired into dev in the thirtieth round (benchmarks/extraction/README.md)."""
HELD_OUT = (*PREVIOUS_RETIRED, *training.LAST_RETIRED)


def encoder_input(doc: Any, begin: int, end: int, places: list[str]) -> tuple[str, str]:
    """The date's sentence with the expression and the places marked, and the one before."""
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None or not len(span):
        return "", ""
    sent = span.sent
    s0, s1 = sent.start_char, sent.end_char
    b, e = max(begin, s0), min(end, s1)
    text = doc.text
    marks: list[tuple[int, int, str, str]] = [(b, e, "<< ", " >>")]
    for p in sorted({p for p in places if p}, key=len, reverse=True):
        for m in re.finditer(re.escape(p), text[s0:s1], flags=re.IGNORECASE):
            pb, pe = s0 + m.start(), s0 + m.end()
            if all(pe <= x or pb >= y for x, y, _, _ in marks):
                marks.append((pb, pe, "[[ ", " ]]"))
    out, at = [], s0
    for x, y, left, right in sorted(marks):
        out += [text[at:x], left, text[x:y], right]
        at = y
    out.append(text[at:s1])
    marked = " ".join("".join(out).split())
    before = ""
    if sent.start > 0:
        before = " ".join(doc[sent.start - 1].sent.text.split())
    return marked, before


def examples() -> list[tuple[training.Example, tuple[str, str]]]:
    """As `train_type_model.examples`, with each example's encoder input."""
    out = []
    for path in sorted(DEV.glob("*.key.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".key.json", ".txt")).read_text(encoding="utf-8")
        doc = nlp.parse(text)
        for ev in key["events"]:
            begin = training._occurrence(text, ev["expression"], ev["places"], doc)
            end = begin + len(ev["expression"])
            ex = training.Example(
                briefing=path.name.replace(".key.json", ""),
                expression=ev["expression"],
                label=ev["event_type"],
                features=tuple(typemodel.features(doc, begin, end)),
                rule=training.clause_rule(doc, begin, end),
                vector=tuple(float(x) for x in wordvectors.dense(doc, begin, end)),
            )
            out.append((ex, encoder_input(doc, begin, end, ev["places"])))
    return out


def scored(names: tuple[str, ...]) -> list[tuple[cv.Scored, tuple[str, str]]]:
    """`cross_validate_type_model.extract_all` on the briefings `names`, with each scored
    dated candidate's encoder input (its place as the text spells it marked)."""
    out = []
    for s, row, clause in cv.extract_scored([DEV / f"{name}.txt" for name in names]):
        inp = ("", "")
        if clause is not None:
            doc, b, e = clause
            inp = encoder_input(doc, b, e, [str(row["evidence_place_text"]), str(row["place"])])
        out.append((s, inp))
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    sc = scored(HELD_OUT)
    (out / "scored.pkl").write_bytes(pickle.dumps(sc))
    with (out / "scored.jsonl").open("w", encoding="utf-8") as f:
        for s, (text, before) in sc:
            rule = s.dated[2].event_type if s.dated else ""
            row = {"briefing": s.briefing, "label": s.label, "rule": rule, "text": text,
                   "before": before}  # fmt: skip
            f.write(json.dumps(row) + "\n")
    print(f"scored {len(sc)} placed key events of {len(HELD_OUT)} briefings", flush=True)
    ex = examples()
    (out / "examples.pkl").write_bytes(pickle.dumps(ex))
    with (out / "examples.jsonl").open("w", encoding="utf-8") as f:
        for e, (text, before) in ex:
            row = {"briefing": e.briefing, "label": e.label, "rule": e.rule.event_type,
                   "text": text, "before": before,
                   "unseen": e.briefing in training.RULES_UNSEEN}  # fmt: skip
            f.write(json.dumps(row) + "\n")
    print(f"examples {len(ex)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
