"""Claims and amounts on the seed articles and on our own sentences."""

from __future__ import annotations

import pytest
from conftest import shared_path

from parley.analysis import filter_claims
from parley.ingest import read_inputs
from parley.models import Article


@pytest.fixture(scope="module")
def seed_claims(pipeline):
    folder = shared_path("corpus", "seeds")
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    return [c for coded in pipeline.code(articles) for c in coded.claims]


def test_the_300_billion_claim_is_rdifs(seed_claims):
    found = filter_claims(seed_claims, min_amount=2.9e11, currency="USD")
    assert found and found[0].speaker.name == "Russian Direct Investment Fund"
    assert found[0].verb == "claim" and found[0].amounts[0].value == 3e11


def test_dmitrievs_billions_reminder_is_vague(seed_claims):
    found = [c for c in seed_claims if c.verb == "remind"]
    assert found and found[0].speaker.name == "Kirill Dmitriev"
    money = found[0].amounts[0]
    assert money.vague and money.value == 1e9 and money.currency == "USD"
    assert "U.S. companies left billions" in found[0].text


def test_export_shares_keep_both_years_and_the_fall(seed_claims):
    found = [c for c in seed_claims if "Exports to Europe" in c.text]
    assert found and found[0].speaker is None
    shares = [(a.value, a.year, a.direction) for a in found[0].amounts]
    assert shares == [(50.0, 2021, "fall"), (14.4, 2023, "fall")]


@pytest.mark.parametrize("sentence,kind,value,currency", [
    ("Bessent said the fund would draw $500 million in its first year.", "money", 5e8, "USD"),
    ("The Commission said it would pay 3.5 billion euros to Ukraine.", "money", 3.5e9, "EUR"),
    ("Dmitriev said trade had fallen to about $3.5 billion.", "money", 3.5e9, "USD"),
    ("Putin said trade had grown by 20% this year.", "percent", 20.0, None),
])
def test_amounts_become_numbers(code_text, sentence, kind, value, currency):
    coded = code_text(sentence, "2025-05-01")
    amounts = [a for c in coded.claims for a in c.amounts if a.kind == kind]
    assert amounts and amounts[0].value == pytest.approx(value)
    assert amounts[0].currency == currency
    assert coded.claims[0].speaker is not None


def test_a_count_alone_is_not_a_claim(code_text):
    assert code_text("Five min read", "2025-05-01").claims == []
