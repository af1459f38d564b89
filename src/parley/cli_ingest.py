"""CLI pieces for getting news in: ``parley watch`` and the ingest progress bar.

Kept apart from ``cli.py`` so they can be registered on its app without a circular
import; ``cli.py`` calls ``register(app)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from parley.models import Article, IngestError

ProgressCallback = Callable[[Article | IngestError], None]


class _RateColumn(ProgressColumn):
    """Items per second; Rich's own speed column counts bytes."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} items/s" if speed else "– items/s", style="progress.data.speed")


@contextmanager
def progress_reporter(console: Console | None = None,
                      description: str = "ingesting") -> Iterator[ProgressCallback]:
    """A callback for ``workflows.ingest(progress=...)``: a live bar with counts and rate.

    Silent when the console is not a terminal, so piped output and logs stay clean.
    """
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield lambda item: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"),
               TextColumn("{task.completed:,.0f} items"),
               TextColumn("{task.fields[articles]:,} articles"),
               TextColumn("{task.fields[errors]:,} errors"), _RateColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(description, total=None, articles=0, errors=0)
        counts = {"articles": 0, "errors": 0}

        def advance(item: Article | IngestError) -> None:
            counts["errors" if isinstance(item, IngestError) else "articles"] += 1
            progress.update(task, advance=1, **counts)

        yield advance


DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database path or SQLAlchemy URL [default: $PARLEY_DB or parley.db]")]


def register(app: typer.Typer) -> None:
    """Add ``parley watch`` to the CLI app."""
    app.command()(watch)


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs")],
    interval: Annotated[float, typer.Option(help="Seconds between polls")] = 300.0,
    code: Annotated[bool, typer.Option("--code/--no-code",
                                       help="Code new articles after each poll")] = True,
    max_polls: Annotated[int | None, typer.Option(
        min=1, help="Stop after this many polls [default: until Ctrl-C]")] = None,
    allow_private: Annotated[bool, typer.Option(
        help="Let feeds reach loopback and private addresses")] = False,
    near_duplicate: Annotated[float, typer.Option(
        help="MinHash similarity at which an article is a near-duplicate")] = 0.8,
    db: DbOption = None,
) -> None:
    """Poll feeds for new articles, ingest and code them; Ctrl-C stops cleanly."""
    from parley.store import Store
    from parley.watch import PollSummary, check_feeds
    from parley.watch import watch as run_watch

    out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)
    check_feeds(feeds)  # before opening the database, so a typo costs nothing

    def report(poll: PollSummary) -> None:
        for error in poll.errors:
            err.print(f"[red]error[/red] {error.input}: {error.message}", highlight=False)
        out.print(f"poll {poll.number}: {poll.ingested} new, {poll.unchanged} unchanged "
                  f"feeds, {poll.exact_duplicates} exact duplicates, {poll.near_duplicates} "
                  f"near-duplicates, {len(poll.errors)} errors, {poll.coded} coded",
                  highlight=False)

    summary = run_watch(Store(db), feeds, interval=interval, code=code, max_polls=max_polls,
                        allow_private=allow_private, near_duplicate_threshold=near_duplicate,
                        on_poll=report)
    ending = "stopped by Ctrl-C" if summary.interrupted else "done"
    out.print(f"watch {ending} after {summary.polls} polls: {summary.ingested} new, "
              f"{summary.exact_duplicates} exact duplicates, {summary.near_duplicates} "
              f"near-duplicates, {summary.errors} errors, {summary.coded} coded",
              highlight=False)
