"""Poll RSS/Atom feeds at an interval and keep the database up to date with them.

Feeds are fetched with conditional requests (ETag / Last-Modified), so an unchanged
feed costs one round trip and no parsing. The validators live in the database's
``feeds`` table and are saved only after a feed's items are stored: a watch killed
mid-poll fetches that feed again next time, and exact-duplicate detection makes the
re-read harmless. Items go through the same dedup and error recording as ``ingest``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from parley import workflows
from parley.dedup import Deduplicator
from parley.fetch import fetch_url
from parley.ingest import IngestOptions, articles_from_feed
from parley.models import Article, IngestError, ParleyError
from parley.pipeline import Pipeline
from parley.store import Store


@dataclass
class PollSummary:
    """What one round over all the feeds brought in."""

    number: int
    unchanged: int = 0  # feeds that answered 304 Not Modified
    ingested: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)
    coded: int = 0

    def add(self, ingest: workflows.IngestSummary) -> None:
        self.ingested += ingest.ingested
        self.exact_duplicates += ingest.exact_duplicates
        self.near_duplicates += ingest.near_duplicates
        self.errors.extend(ingest.errors)


@dataclass
class WatchSummary:
    """Totals over every poll of a watch; ``interrupted`` if it ended with Ctrl-C."""

    polls: int = 0
    unchanged: int = 0
    ingested: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: int = 0
    coded: int = 0
    interrupted: bool = False

    def add(self, poll: PollSummary) -> None:
        self.polls += 1
        self.unchanged += poll.unchanged
        self.ingested += poll.ingested
        self.exact_duplicates += poll.exact_duplicates
        self.near_duplicates += poll.near_duplicates
        self.errors += len(poll.errors)
        self.coded += poll.coded

    def as_dict(self) -> dict[str, int | bool]:
        return {"polls": self.polls, "unchanged": self.unchanged, "ingested": self.ingested,
                "exact_duplicates": self.exact_duplicates,
                "near_duplicates": self.near_duplicates, "errors": self.errors,
                "coded": self.coded, "interrupted": self.interrupted}


def check_feeds(feeds: list[str]) -> None:
    """Refuse, before any polling, a watch that could never fetch anything."""
    if not feeds:
        raise ParleyError("watch: give at least one feed URL")
    for feed in feeds:
        if urlsplit(feed).scheme not in ("http", "https"):
            raise ParleyError(f"{feed}: not an http(s) feed URL (use parley ingest for files)")


def watch(
    store: Store,
    feeds: list[str],
    *,
    interval: float,
    code: bool,
    pipeline_factory: Callable[[], Pipeline] = Pipeline,
    max_polls: int | None = None,
    allow_private: bool = False,
    near_duplicate_threshold: float = 0.8,
    sleep: Callable[[float], None] = time.sleep,
    on_poll: Callable[[PollSummary], None] | None = None,
) -> WatchSummary:
    """Poll ``feeds`` every ``interval`` seconds until ``max_polls`` rounds or Ctrl-C.

    With ``code``, articles not yet coded are coded after each poll that stored new
    ones; the pipeline is built on first need, so a quiet feed never loads spaCy.
    Ctrl-C (KeyboardInterrupt) ends the watch and returns the totals so far.
    """
    check_feeds(feeds)
    if interval < 0:
        raise ParleyError(f"--interval {interval}: must be zero or more seconds")
    options = IngestOptions(allow_private=allow_private)
    summary = WatchSummary()
    poll: PollSummary | None = None
    pipeline: Pipeline | None = None
    try:
        dedup = Deduplicator.from_pairs(store.texts_for_dedup(),
                                        threshold=near_duplicate_threshold)
        while max_polls is None or summary.polls < max_polls:
            if summary.polls:
                sleep(interval)
            poll = PollSummary(number=summary.polls + 1)
            for feed in feeds:
                poll_feed(store, feed, poll, dedup, options)
            if code and poll.ingested:
                pipeline = pipeline or pipeline_factory()
                poll.coded = workflows.code(store, pipeline).articles
            summary.add(poll)
            finished, poll = poll, None
            if on_poll:
                on_poll(finished)
    except KeyboardInterrupt:
        summary.interrupted = True
        if poll is not None:  # what the interrupted poll stored is in the database
            summary.add(poll)
    return summary


def poll_feed(store: Store, feed: str, poll: PollSummary, dedup: Deduplicator,
              options: IngestOptions) -> None:
    """Fetch one feed if it changed, store its new items, then save its validators."""
    state = store.feed_state(feed) or {}
    try:
        result = fetch_url(feed, timeout=options.timeout, max_bytes=options.max_bytes,
                           max_redirects=options.max_redirects,
                           allow_private=options.allow_private, etag=state.get("etag"),
                           last_modified=state.get("last_modified"))
    except ParleyError as exc:
        error = IngestError(feed, "fetch", str(exc).removeprefix(f"{feed}: "))
        store.record_error(error)
        poll.errors.append(error)
        return
    if result.status == 304:
        poll.unchanged += 1
        store.record_poll(feed, etag=result.etag or state.get("etag"),
                          last_modified=result.last_modified or state.get("last_modified"),
                          items=0)
        return
    items = list(articles_from_feed(result.body, feed, options))
    poll.add(workflows.ingest_items(store, items, dedup=dedup))
    read = sum(isinstance(item, Article) for item in items)
    store.record_poll(feed, etag=result.etag, last_modified=result.last_modified, items=read)
