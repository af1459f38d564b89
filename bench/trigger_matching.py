"""Measure: finding event triggers by dictionary lookup over tokens (what events.py does)
against spaCy's Matcher built from the same verb dictionary.

    .venv/bin/python bench/trigger_matching.py ../shared/corpus/guardian-2019/articles.jsonl 60

Both find the same candidate tokens (it checks); the figures say which is cheaper. The
constraint checks that follow (objects, particles, prepositions) walk the parse either way.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from spacy.matcher import Matcher

from parley.codebook import VerbDictionary
from parley.nlp import load_nlp


def lookup_candidates(docs, verbs: VerbDictionary) -> set[tuple[int, int]]:
    found = set()
    for d, doc in enumerate(docs):
        for token in doc:
            pos = "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_
            if pos in {"VERB", "NOUN"} and verbs.candidates(pos, token.lemma_):
                found.add((d, token.i))
    return found


def build_matcher(verbs: VerbDictionary, nlp) -> Matcher:
    matcher = Matcher(nlp.vocab)
    lemmas = {"VERB": set(), "NOUN": set()}
    for (pos, lemma) in verbs.patterns:
        lemmas[pos].add(lemma)
    matcher.add("VERB", [[{"POS": {"IN": ["VERB", "AUX"]}, "LEMMA": {"IN": sorted(
        lemmas["VERB"])}}]])
    matcher.add("NOUN", [[{"POS": "NOUN", "LEMMA": {"IN": sorted(lemmas["NOUN"])}}]])
    return matcher


def matcher_candidates(docs, matcher: Matcher) -> set[tuple[int, int]]:
    found = set()
    for d, doc in enumerate(docs):
        for _, start, _ in matcher(doc):
            found.add((d, start))
    return found


def main(corpus: Path, limit: int) -> None:
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")][:limit]
    nlp, verbs = load_nlp(), VerbDictionary.load()
    docs = list(nlp.pipe(texts))
    matcher = build_matcher(verbs, nlp)  # built once, outside the timing
    tokens = sum(len(doc) for doc in docs)
    timings = {}
    for name, run in (("dictionary lookup", lambda: lookup_candidates(docs, verbs)),
                      ("spaCy Matcher", lambda: matcher_candidates(docs, matcher))):
        start = time.perf_counter()
        found = run()
        timings[name] = (time.perf_counter() - start, found)
    (t_lookup, a), (t_matcher, b) = timings.values()
    print(f"{len(docs)} documents, {tokens} tokens")
    for name, (seconds, found) in timings.items():
        print(f"{name:>18}: {seconds * 1000:8.1f} ms, {len(found)} candidate triggers")
    print(f"same candidates: {a == b}; Matcher/lookup time ratio {t_matcher / t_lookup:.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 60)
