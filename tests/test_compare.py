"""Source comparison and dyad series on the sample corpus."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from parley.cli_analysis import register
from parley.compare import compare
from parley.dyads import dyad_series
from parley.models import ParleyError
from parley.stories import build_stories, single_event_stories


def test_wire_and_business_daily_on_shared_stories(coded_store):
    result = compare(coded_store, "Meridian Wire", "the ledger business daily")
    assert result.outlet_b == "The Ledger Business Daily"
    riyadh = next(s for s in result.shared if s.date == "2025-02-18")
    # the wire names the foreign minister, the business daily the investment envoy
    assert "Sergei Lavrov" in riyadh.actors_only_a
    assert "Kirill Dmitriev" in riyadh.actors_only_b
    assert any("$300 billion" in c or "300 billion" in c for c in riyadh.claims_only_b)
    assert result.framing_b.index > result.framing_a.index


def test_one_story_and_bad_outlets(coded_store):
    stories = build_stories(coded_store.events(), coded_store.articles())
    summit = next(s for s in stories if s.date == "2025-08-15" and s.type == "CONSULT")
    one = compare(coded_store, "Meridian Wire", "Eastern Front Review", summit.id)
    assert [s.story_id for s in one.shared] == [summit.id]
    with pytest.raises(ParleyError, match="--outlet Reuters: no such outlet"):
        compare(coded_store, "Reuters", "Meridian Wire")
    with pytest.raises(ParleyError, match="--story st-nope"):
        compare(coded_store, "Meridian Wire", "Eastern Front Review", "st-nope")


def test_dyads_count_stories_not_reports(coded_store):
    articles = list(coded_store.articles())
    events = coded_store.events()

    def talks(stories, month):
        return sum(c.stories for c in dyad_series(stories)
                   if c.period == month and c.dyad == "RUS-USA" and not c.directed)

    # August: the Alaska summit is one story but several reports
    assert talks(build_stories(events, articles), "2025-08") < talks(
        single_event_stories(events, articles), "2025-08")


def test_compare_command(coded_store):
    app = typer.Typer()
    register(app)
    args = ["compare", "--outlet", "Meridian Wire", "--outlet", "The Ledger Business Daily",
            "--format", "json", "--db", coded_store.url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)
    assert record["shared"] and len(record["framing"]) == 2
    one = CliRunner().invoke(app, ["compare", "--outlet", "Meridian Wire", "--db",
                                   coded_store.url])
    assert isinstance(one.exception, ParleyError)
