"""Who sits at the table: business envoys join the US–Russia channel in 2025."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from parley.cli_analysis import register
from parley.models import ParleyError
from parley.stories import build_stories
from parley.table import parse_dyad, period_of, sector_shares


def test_business_share_rises_from_february_to_december(coded_store):
    stories = build_stories(coded_store.events(), coded_store.articles())
    shares = {t.period: t for t in sector_shares(stories, "USA-RUS", "month")}
    feb, dec = shares["2025-02"], shares["2025-12"]
    assert dec.shares["BUS"] > feb.shares["BUS"]
    assert feb.shares["BUS"] == 0 and {"Marco Rubio", "Sergei Lavrov"} <= set(feb.names["GOV"])
    assert "Jared Kushner" in dec.names["BUS"]
    assert {"Steve Witkoff", "Kirill Dmitriev"} <= set(dec.names["GOV"])
    assert dec.people == len({n for names in dec.names.values() for n in names})


def test_dyad_and_period_parsing():
    assert parse_dyad("usa-rus") == {"USA", "RUS"}
    with pytest.raises(ParleyError, match="--dyad USA: expected"):
        parse_dyad("USA")
    assert period_of("2025-08-15", "quarter") == "2025-Q3"
    assert period_of("2019", "month") is None


def test_table_command(coded_store):
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["table", "--dyad", "USA-RUS", "--by", "month",
                                      "--format", "json", "--db", coded_store.url])
    assert result.exit_code == 0, result.output
    rows = {r["period"]: r for r in json.loads(result.output)}
    assert rows["2025-12"]["names"]["BUS"] == ["Jared Kushner"]
    assert rows["2025-12"]["shares"]["BUS"] > rows["2025-02"]["shares"]["BUS"]
    assert rows["2025-12"]["events"]  # every period points to its evidence
