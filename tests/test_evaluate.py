"""The scorer follows the gold README's matching rules, and the coder meets its floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, shared_path

from parley.codebook import CameoTable, VerbDictionary
from parley.evaluate import evaluate, matches
from parley.models import ActorMention, Event


def event(plover: str, actors: list[str], recipients: list[str]) -> Event:
    def m(code: str) -> ActorMention:
        return ActorMention(text=code, start=0, end=0, code=code, country=code[:3])
    return Event(article_id="a", sentence_index=0, cameo="040", plover=plover,
                 actors=[m(c) for c in actors], recipients=[m(c) for c in recipients],
                 trigger="t", start=0, end=1, sentence="s", rule="r")


@pytest.mark.parametrize("pred,gold,expected", [
    (event("CONSULT", ["RUSGOV"], ["USAGOV"]),
     {"event": "CONSULT", "actor": ["USAGOV"], "recipient": ["RUSGOV"]}, True),
    (event("SANCTION", ["RUSGOV"], ["USAGOV"]),
     {"event": "SANCTION", "actor": ["USAGOV"], "recipient": ["RUSGOV"]}, False),
    (event("COERCE", ["EURGOV"], ["RUS"]),
     {"event": "SANCTION", "actor": ["EUR"], "recipient": ["RUS"], "alt": ["COERCE"]}, True),
    (event("ACCUSE", ["IRN"], ["USA"]), {"event": "ACCUSE", "actor": ["IRN"],
                                         "recipient": []}, True),
    (event("ACCUSE", ["IRN"], []), {"event": "ACCUSE", "actor": ["IRN"],
                                    "recipient": ["USA"]}, False),
])
def test_matching_rules(pred, gold, expected):
    assert matches(pred, gold) is expected


def test_seed_gold_reaches_the_targets(pipeline):
    report = evaluate([shared_path("gold", "seeds.jsonl")], pipeline)
    assert report.overall.f1 >= 0.80
    assert report.accuracy["actor_recipient_country"].value >= 0.90
    assert report.accuracy["mode"].value >= 0.90


def test_dev_gold_floor(pipeline):
    """A regression floor on our own 460-sentence set (see tests/gold/README.md)."""
    report = evaluate([ROOT / "tests" / "gold" / "dev.jsonl"], pipeline)
    assert report.overall.precision >= 0.40 and report.overall.f1 >= 0.30
    assert report.accuracy["mode"].value >= 0.85


def test_every_pattern_has_a_known_code():
    table, verbs = CameoTable.load(), VerbDictionary.load()
    unknown = [p.id for ps in verbs.patterns.values() for p in ps if p.cameo not in table.codes]
    assert unknown == []


def test_the_manual_wins_over_the_table_for_imposed_sanctions():
    assert CameoTable.load().get("163").plover == "SANCTION"


def test_unknown_gold_file_is_a_clear_error(tmp_path):
    from parley.models import ParleyError
    with pytest.raises(ParleyError, match="no such gold file"):
        evaluate([Path(tmp_path / "none.jsonl")])


def test_seed_dates_and_places_are_all_right(pipeline):
    """Every dated gold event of the seeds gets its date at the gold granularity, and every
    gold place resolves to the right country."""
    report = evaluate([shared_path("gold", "seeds.jsonl")], pipeline)
    assert report.accuracy["date"].value == 1.0 and report.accuracy["date"].total == 6
    assert report.accuracy["place_country"].value == 1.0
    assert report.accuracy["place_country"].total == 4
