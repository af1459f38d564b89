"""Claims and the amounts in them.

A claim is a sentence in which a speaker states, says, warns, claims, questions or
reminds; a sentence that states figures without a speaker is a claim of the article
itself (speaker None). Amounts are read from spaCy's MONEY, PERCENT and CARDINAL
entities plus a few patterns ("billions of dollars"; "from 50% in 2021 to 14.4% in
2023"). Word tables live in ``data/amounts.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from parley.events import SentenceContext
from parley.models import Amount, Claim
from parley.nlp import sentence_entities

CLAIM_VERBS = {"say", "state", "claim", "warn", "question", "remind", "tell", "insist",
               "argue", "assert", "allege", "announce", "suggest", "stress", "note", "add",
               "estimate", "acknowledge", "declare", "write", "report", "predict", "boast"}
NUMBER = r"(\d+(?:[.,]\d+)*)"
YEAR_AFTER = re.compile(r"^\s*(?:in|by|during|for)\s+((?:19|20)\d\d)\b")
BOUND = re.compile(r"\b(over|more than|at least|about|around|nearly|some|almost|up to|"
                   r"less than|under|roughly|approximately)\b", re.IGNORECASE)
VAGUE_MONEY = re.compile(r"\b(?P<scale>thousands|millions|billions|trillions)\s+of\s+"
                         r"(?P<cur>[a-z]+)", re.IGNORECASE)


@dataclass(frozen=True)
class AmountWords:
    scales: dict[str, float]
    symbols: dict[str, str]
    currencies: dict[str, str]
    directions: dict[str, str]  # word -> rise/fall
    stance: dict[str, str]  # word -> positive/negative


@functools.lru_cache(maxsize=1)
def amount_words() -> AmountWords:
    raw = yaml.safe_load((resources.files("parley") / "data" / "amounts.yaml")
                         .read_text(encoding="utf-8"))
    return AmountWords(
        scales={k.lower(): float(v) for k, v in raw["scales"].items()},
        symbols=raw["currency_symbols"], currencies=raw["currency_words"],
        directions={w: d for d, words in raw["directions"].items() for w in words},
        stance={w: s for s, words in raw["stance"].items() for w in words})


def parse_number(text: str, words: AmountWords) -> float | None:
    """'$300 billion' -> 3e11, '14.4%' -> 14.4, '1,200' -> 1200, '2.5bn' -> 2.5e9."""
    match = re.search(NUMBER + r"\s*([a-zA-Z]+)?", text.replace("\u00a0", " "))
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    for word in re.findall(r"[a-zA-Z]+", text[match.start():]):
        if word.lower() in words.scales:
            return value * words.scales[word.lower()]
    return value


def currency_of(text: str, words: AmountWords) -> str | None:
    for symbol, code in sorted(words.symbols.items(), key=lambda kv: -len(kv[0])):
        if symbol in text:
            return code
    for word in re.findall(r"[a-zA-Z]+", text.lower()):
        if word in words.currencies:
            return words.currencies[word]
    return None


def find_amounts(sent: Span, words: AmountWords | None = None) -> list[Amount]:
    """Money, percentages and counts in a sentence, with their years and direction."""
    words = words or amount_words()
    direction = next((words.directions[t.lower_] for t in sent
                      if t.pos_ in {"VERB", "ADV", "ADP"} and t.lower_ in words.directions), None)
    amounts: list[Amount] = []
    for ent in sentence_entities(sent):
        if ent.label_ not in {"MONEY", "PERCENT", "CARDINAL"}:
            continue
        text = _with_following_currency(ent)
        vague = VAGUE_MONEY.search(text)
        if vague:
            amounts.append(Amount(kind="money", value=words.scales[vague["scale"][:-1].lower()],
                                  currency=words.currencies.get(vague["cur"].lower()),
                                  vague=True, text=text, start=ent.start_char,
                                  end=ent.start_char + len(text), rule="amount:vague-plural"))
            continue
        value = parse_number(text, words)
        if value is None:
            continue
        kind = {"MONEY": "money", "PERCENT": "percent"}.get(ent.label_, "count")
        if kind == "count" and text != ent.text:
            kind = "money"  # a number followed by its currency word
        if kind == "count" and (re.fullmatch(r"(19|20)\d\d", ent.text) or value < 2):
            continue  # a bare year or "one" is not a claimed figure
        offset = sent.start_char  # read around the entity in the sentence text:
        before = sent.text[max(0, ent.start_char - offset - 14): ent.start_char - offset]
        following = sent.text[ent.end_char - offset: ent.end_char - offset + 12]
        year = YEAR_AFTER.match(following)
        amounts.append(Amount(
            kind=kind, value=value, text=text, start=ent.start_char,
            end=ent.start_char + len(text),
            # "$3.3bn": the symbol may sit just outside the entity
            currency=currency_of(before[-3:] + text, words) if kind == "money" else None,
            vague=bool(BOUND.search(before + " " + text)), year=int(year.group(1)) if year
            else None, direction=direction, rule=f"spacy:{ent.label_}"))
    return amounts


def _with_following_currency(ent: Span) -> str:
    """'billions of dollars', '3.5 billion euros': spaCy often tags the number alone;
    take the currency word that follows too."""
    doc, end = ent.doc, ent.end
    currencies = amount_words().currencies
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in currencies:
        return doc[ent.start: end + 2].text
    if end < len(doc) and doc[end].lower_ in currencies:
        return doc[ent.start: end + 1].text
    return ent.text


class ClaimFinder:
    """Finds claims in sentences, with their speaker, verb, span, stance and amounts."""

    def __init__(self, reporting: frozenset[str]):
        self.verbs = CLAIM_VERBS | set(reporting)

    def find(self, sent: Span, ctx: SentenceContext) -> list[Claim]:
        amounts = find_amounts(sent)
        verb = next((t for t in sent if t.pos_ == "VERB" and t.lemma_ in self.verbs
                     and any(c.dep_ in {"nsubj"} for c in t.children)), None)
        speaker = None
        if verb is not None:
            subject = next(c for c in verb.children if c.dep_ == "nsubj")
            speaker = ctx.actors.resolve_token(subject)
            if speaker:
                speaker.article_id, speaker.sentence_index = ctx.article_id, ctx.index
        if speaker is None and not any(a.kind in {"money", "percent"} for a in amounts):
            return []  # without a speaker, only money and shares make a sentence a claim
        span = _claim_span(sent, verb) if speaker else sent
        stance = sorted({t.lower_ for t in span if t.lower_ in amount_words().stance})
        return [Claim(article_id=ctx.article_id, sentence_index=ctx.index, speaker=speaker,
                      verb=verb.lemma_ if speaker else "", text=span.text,
                      start=span.start_char, end=span.end_char, stance=stance,
                      amounts=amounts,
                      rule=f"claim:{verb.lemma_}" if speaker else "claim:figures")]


def _claim_span(sent: Span, verb: Token) -> Span:
    """What was claimed: the verb's clausal complement or quotation, else the sentence."""
    for deps in ({"ccomp"}, {"xcomp"}, {"dobj"}):
        for child in verb.children:
            if child.dep_ in deps and child.i > verb.i:
                tokens = list(child.subtree)
                return sent.doc[tokens[0].i: tokens[-1].i + 1]
    after = sent.doc[verb.i + 1: sent.end]
    return after if len(after) > 2 else sent
