"""Story events: reports of the same real-world event become one story."""

from __future__ import annotations

import json

import typer
from conftest import SAMPLE_CORPUS
from typer.testing import CliRunner

from parley import workflows
from parley.cli_analysis import register
from parley.store import Store
from parley.stories import build_stories, single_event_stories

ALASKA = ["2025-08-16-ledger-alaska-summit.html", "2025-08-16-meridian-alaska-summit.txt",
          "2025-08-17-eastern-front-alaska-summit.txt"]


def _coded(pipeline, tmp_path, paths: list[str]) -> Store:
    store = Store(str(tmp_path / "t.db"))
    workflows.ingest(store, paths)
    workflows.code(store, pipeline)
    return store


def _story_on(store: Store, day: str) -> list:
    stories = build_stories(store.events(), store.articles())
    return [s for s in stories if s.type == "CONSULT" and s.date == day]


def test_three_reports_of_the_alaska_summit_are_one_story(pipeline, tmp_path):
    store = _coded(pipeline, tmp_path, [str(SAMPLE_CORPUS / name) for name in ALASKA])
    [summit] = _story_on(store, "2025-08-15")
    assert summit.n_articles == 3
    assert summit.n_outlets == 3
    assert summit.outlets == ["Eastern Front Review", "Meridian Wire",
                              "The Ledger Business Daily"]
    assert summit.dyad == "RUS-USA" and summit.place_country == "USA"
    assert (summit.first_report, summit.last_report) == ("2025-08-16", "2025-08-17")
    assert {ev.article_id for ev in summit.evidence} == {name.rsplit(".", 1)[0]
                                                         for name in ALASKA}
    # the id is a hash of the earliest evidence: building again gives the same id
    assert summit.id == _story_on(store, "2025-08-15")[0].id


def test_two_meetings_on_the_same_day_are_two_stories(pipeline, tmp_path):
    texts = {
        "riyadh.txt": ("Gulf Courier", ("U.S. Secretary of State Marco Rubio met Russian "
                                        "Foreign Minister Sergei Lavrov in Riyadh on Tuesday.")),
        "london.txt": ("Channel Post", ("French President Emmanuel Macron met British Prime "
                                        "Minister Keir Starmer in London on Tuesday.")),
    }
    for name, (outlet, body) in texts.items():
        (tmp_path / name).write_text(f"---\noutlet: {outlet}\npublished: 2025-02-19\n---\n"
                                     f"{body}\n", encoding="utf-8")
    store = _coded(pipeline, tmp_path, [str(tmp_path / name) for name in texts])
    stories = _story_on(store, "2025-02-18")
    assert len(stories) == 2
    assert {s.dyad for s in stories} == {"RUS-USA", "FRA-GBR"}
    assert {s.place for s in stories} == {"Riyadh", "London"}
    assert all(s.n_articles == 1 for s in stories)


def test_a_phone_call_is_not_the_visit_before_it(coded_store):
    """Witkoff in Moscow (Feb 11) and the Trump–Putin call (Feb 12) share type, dyad and
    window, but one is in person and the other by phone."""
    stories = build_stories(coded_store.events(), coded_store.articles())
    feb = {s.date: s for s in stories if s.type == "CONSULT" and s.dyad == "RUS-USA"
           and s.date in {"2025-02-11", "2025-02-12"}}
    assert set(feb) == {"2025-02-11", "2025-02-12"}
    # the April article's "previously met Putin in Moscow on February 11" joins the visit
    assert feb["2025-02-11"].n_articles == 2


def test_stories_count_fewer_than_reports(coded_store):
    articles = list(coded_store.articles())
    events = coded_store.events()
    stories = build_stories(events, articles)
    singles = single_event_stories(events, articles)
    assert len(stories) < len(singles)
    assert sum(len(s.evidence) for s in stories) == len(singles)


def test_stories_command_lists_json_with_evidence(coded_store):
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["stories", "--format", "json",
                                      "--db", coded_store.url])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    summit = next(r for r in records if r["date"] == "2025-08-15" and r["type"] == "CONSULT")
    assert summit["n_outlets"] >= 3
    assert all(ev["sentence"] and ev["event_id"] for ev in summit["evidence"])
