"""`parley watch` against a local feed server: conditional polls, state in the database,
only new items ingested, Ctrl-C, and the ingest progress bar."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import typer
from conftest import local_server
from rich.console import Console
from typer.testing import CliRunner

from parley.cli_ingest import progress_reporter, register
from parley.models import Article, IngestError, ParleyError
from parley.store import Store
from parley.watch import PollSummary, watch

STORIES = [
    ("Lavrov and Rubio meet in Riyadh",
     "Russian Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in Riyadh on "
     + "Tuesday. The two sides agreed to restore staff at their embassies."),
    ("Grain corridor talks resume",
     "Negotiators from Ukraine and Turkey resumed talks on the Black Sea grain corridor in "
     + "Istanbul, officials said, after a pause of three weeks over insurance costs."),
    ("Tariff meeting postponed",
     "A meeting on steel tariffs planned for next week has been moved to May at the request of "
     + "the Canadian delegation, according to trade ministry spokespeople."),
    ("Ceasefire monitors arrive",
     "The first team of ceasefire monitors reached the valley on Friday morning; their mandate "
     + "runs for sixty days and covers both banks of the river."),
]


@dataclass
class Feed:
    """What the server publishes, and the conditional headers each request carried."""

    items: list[tuple[str, str]]
    etag: bool = True
    seen: list[dict[str, str | None]] = field(default_factory=list)

    def body(self) -> bytes:
        entries = "".join(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://wire.example/{number}</link>"
            f"<pubDate>Tue, 18 Feb 2025 09:00:00 GMT</pubDate>"
            f"<description>{escape(text)}</description></item>"
            for number, (title, text) in enumerate(self.items, 1))
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                f"<title>Wire</title>{entries}</channel></rss>").encode()

    def validators(self) -> tuple[str, str]:
        """ETag from the content; Last-Modified from the item count (one per second)."""
        etag = '"' + hashlib.sha256(self.body()).hexdigest()[:16] + '"'
        return etag, formatdate(1_700_000_000 + len(self.items), usegmt=True)


def handler_for(feed: Feed) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/error":
                self.send_error(500)
                return
            etag, modified = feed.validators()
            asked_etag = self.headers.get("If-None-Match")
            asked_modified = self.headers.get("If-Modified-Since")
            feed.seen.append({"etag": asked_etag, "modified": asked_modified})
            unchanged = (asked_etag == etag) if feed.etag and asked_etag else (
                asked_modified == modified)
            headers = {"Last-Modified": modified} | ({"ETag": etag} if feed.etag else {})
            body = b"" if unchanged else feed.body()
            self.send_response(304 if unchanged else 200)
            for name, value in headers.items():
                self.send_header(name, value)
            if not unchanged:
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            """Keep test output quiet."""

    return Handler


@pytest.fixture
def feed() -> Feed:
    return Feed(items=list(STORIES[:3]))


@pytest.fixture
def server(feed: Feed) -> Iterator[str]:
    with local_server(handler_for(feed)) as url:
        yield url


def run(db: Path, feeds: list[str], **options) -> tuple:
    """One watch on a fresh Store over ``db``, as a new process would open it."""
    polls: list[PollSummary] = []
    settings = {"interval": 0, "code": False, "max_polls": 1, "allow_private": True} | options
    store = Store(str(db))
    summary = watch(store, feeds, on_poll=polls.append, **settings)
    return summary, polls, store


def test_conditional_polls_ingest_only_new_items_and_state_persists(tmp_path, feed, server):
    db = tmp_path / "watch.db"
    url = f"{server}/feed.rss"

    first, _, store = run(db, [url])
    assert (first.ingested, first.unchanged, first.errors) == (3, 0, 0)
    assert feed.seen[-1] == {"etag": None, "modified": None}
    assert store.feed_state(url)["etag"] == feed.validators()[0]

    second, _, store = run(db, [url])  # a new Store: the validators come from the database
    assert (second.ingested, second.unchanged) == (0, 1)
    assert feed.seen[-1] == {"etag": feed.validators()[0], "modified": feed.validators()[1]}

    feed.items.append(STORIES[3])
    third, _, store = run(db, [url])
    assert (third.ingested, third.unchanged, third.exact_duplicates) == (1, 0, 3)
    state = store.feed_state(url)
    assert state["etag"] == feed.validators()[0]
    assert state["items_seen"] == 7  # 3 read on the first poll, 4 on the third
    assert store.counts()["articles"] == 4
    titles = sorted(a.title for a in store.articles())
    assert titles == sorted(title for title, _ in STORIES)


def test_last_modified_alone_makes_polls_conditional(tmp_path, feed, server):
    feed.etag = False
    db = tmp_path / "watch.db"
    url = f"{server}/feed.rss"
    run(db, [url])
    second, _, store = run(db, [url])
    assert (second.ingested, second.unchanged) == (0, 1)
    assert feed.seen[-1] == {"etag": None, "modified": feed.validators()[1]}
    assert store.feed_state(url)["etag"] is None


def test_polls_repeat_at_the_interval(tmp_path, feed, server):
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:  # the feed gains an item between the second and third poll
            feed.items.append(STORIES[3])

    summary, polls, _ = run(tmp_path / "watch.db", [f"{server}/feed.rss"], interval=30,
                            max_polls=3, sleep=sleep)
    assert naps == [30, 30]  # none before the first poll, none after the last
    assert [(p.number, p.ingested, p.unchanged) for p in polls] == [
        (1, 3, 0), (2, 0, 1), (3, 1, 0)]
    assert (summary.polls, summary.ingested, summary.interrupted) == (3, 4, False)


def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path, server):
    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    summary, polls, store = run(tmp_path / "watch.db", [f"{server}/feed.rss"],
                                max_polls=None, sleep=interrupted)
    assert summary.interrupted
    assert (summary.polls, summary.ingested) == (1, 3)
    assert len(polls) == 1
    assert store.counts()["articles"] == 3


def test_a_failing_feed_is_recorded_and_the_others_still_polled(tmp_path, server):
    summary, polls, store = run(tmp_path / "watch.db", [f"{server}/error", f"{server}/feed"])
    assert (summary.ingested, summary.errors) == (3, 1)
    (error,) = polls[0].errors
    assert (error.input, error.stage) == (f"{server}/error", "fetch")
    assert error.message == "HTTP 500 Internal Server Error"
    assert store.counts()["ingest_errors"] == 1
    assert store.feed_state(f"{server}/error") is None


def test_loopback_feeds_are_refused_without_allow_private(tmp_path, server):
    summary, polls, _ = run(tmp_path / "watch.db", [f"{server}/feed"], allow_private=False)
    assert (summary.ingested, summary.errors) == (0, 1)
    assert "refusing non-public address 127.0.0.1" in polls[0].errors[0].message


def test_watch_refuses_paths_and_negative_intervals(tmp_path):
    store = Store(str(tmp_path / "watch.db"))
    with pytest.raises(ParleyError, match=r"^feed\.rss: not an http\(s\) feed URL"):
        watch(store, ["feed.rss"], interval=1, code=False)
    with pytest.raises(ParleyError, match="--interval -1: must be zero or more seconds"):
        watch(store, ["http://wire.example/feed"], interval=-1, code=False)


def test_unchanged_feeds_never_load_the_pipeline(tmp_path, server):
    db = tmp_path / "watch.db"
    run(db, [f"{server}/feed"])

    def no_pipeline():
        raise AssertionError("the pipeline was loaded although nothing was new")

    summary, _, _ = run(db, [f"{server}/feed"], code=True, pipeline_factory=no_pipeline)
    assert (summary.unchanged, summary.coded) == (1, 0)


def test_new_items_are_coded(tmp_path, server, pipeline):
    summary, _, store = run(tmp_path / "watch.db", [f"{server}/feed"], code=True,
                            pipeline_factory=lambda: pipeline)
    assert summary.coded == 3
    assert store.counts()["coded"] == 3
    assert any(e.plover == "CONSULT" for e in store.events())


def test_cli_prints_a_line_per_poll_and_a_final_summary(tmp_path, server):
    app = typer.Typer()
    app.callback()(lambda: None)  # keep "watch" a subcommand, as in parley's app
    register(app)
    args = ["watch", f"{server}/feed", "--no-code", "--max-polls", "2", "--interval", "0",
            "--allow-private", "--db", str(tmp_path / "cli.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    counts = "0 exact duplicates, 0 near-duplicates, 0 errors, 0 coded"
    assert result.output.splitlines() == [
        f"poll 1: 3 new, 0 unchanged feeds, {counts}",
        f"poll 2: 0 new, 1 unchanged feeds, {counts}",
        f"watch done after 2 polls: 3 new, {counts}",
    ]


def items() -> list[Article | IngestError]:
    article = Article(id="a", text="Talks resumed.")
    return [article, IngestError("bad.txt", "read", "binary file"), article]


def test_progress_is_silent_off_a_terminal():
    stream = io.StringIO()
    with progress_reporter(Console(file=stream, force_terminal=False)) as advance:
        for item in items():
            advance(item)
    assert stream.getvalue() == ""


def test_progress_shows_counts_and_rate_on_a_terminal():
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=120)
    with progress_reporter(console) as advance:
        for item in items():
            advance(item)
    final = stream.getvalue().rsplit("\r", 1)[-1]
    assert "ingesting" in final
    assert "3 items" in final and "2 articles" in final and "1 errors" in final
    assert "items/s" in final
