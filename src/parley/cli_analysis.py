"""The analysis commands: stories, table, dyads, framing, compare and report.

``register(app)`` adds them to the ``parley`` Typer app; they follow cli.py's conventions
(``--format table|csv|jsonl|json``, ``--db``, ParleyError for input the user can fix).
The options are declared here rather than imported from cli.py so that cli.py can import
this module at its top without an import cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from parley.export import FORMATS, render
from parley.models import ParleyError

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database path or SQLAlchemy URL [default: $PARLEY_DB or parley.db]")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or json")]
UnitOption = Annotated[str, typer.Option(
    "--unit", help="story (one per real-world event) or event (one per report)")]
UNITS = ("story", "event")


def _check(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise ParleyError(f"{option} {value}: expected one of {', '.join(allowed)}")
    return value


def _stories(db: str | None, unit: str = "story"):
    from parley.store import Store
    from parley.stories import build_stories, single_event_stories

    store = Store(db)
    articles = list(store.articles())
    build = build_stories if _check(unit, UNITS, "--unit") == "story" else single_event_stories
    return store, build(store.events(), articles)


def register(app: typer.Typer) -> None:
    """Add the analysis commands to ``app``."""

    @app.command()
    def stories(db: DbOption = None, fmt: FormatOption = "table") -> None:
        """Story events: the events of different articles that report the same event."""
        from parley.stories import story_record, story_row

        _check(fmt, FORMATS, "--format")
        _, found = _stories(db)
        render([story_row(s) for s in found], fmt, Console(soft_wrap=False), title="Stories",
               records=[story_record(s) for s in found])

    @app.command()
    def table(
        dyad: Annotated[str, typer.Option(help="Two country codes, e.g. USA-RUS")] = "USA-RUS",
        by: Annotated[str, typer.Option(help="month, quarter or year")] = "month",
        db: DbOption = None,
        fmt: FormatOption = "table",
    ) -> None:
        """Who sits at the table: sector shares of the people at a dyad's talks."""
        from parley.table import PERIODS, sector_shares, shares_record, shares_row

        _check(fmt, FORMATS, "--format")
        _check(by, PERIODS, "--by")
        _, found = _stories(db)
        shares = sector_shares(found, dyad, by)
        render([shares_row(t) for t in shares], fmt, Console(soft_wrap=False),
               title=f"Who sits at the table: {dyad}",
               records=[shares_record(t) for t in shares])

    @app.command()
    def dyads(
        by: Annotated[str, typer.Option(help="month, quarter or year")] = "month",
        unit: UnitOption = "story",
        db: DbOption = None,
        fmt: FormatOption = "table",
    ) -> None:
        """Stories (or events) per period by dyad and quad class, with mean Goldstein."""
        from parley.dyads import dyad_row, dyad_series
        from parley.table import PERIODS

        _check(fmt, FORMATS, "--format")
        _check(by, PERIODS, "--by")
        _, found = _stories(db, unit)
        render([dyad_row(c) for c in dyad_series(found, by)], fmt, Console(soft_wrap=False),
               title="Dyads")

    @app.command()
    def framing(
        by: Annotated[str, typer.Option(help="article, outlet, month or outlet-month")]
        = "article",
        db: DbOption = None,
        fmt: FormatOption = "table",
    ) -> None:
        """Framing index (commerce vs security and diplomacy) and VADER tone (weak signal)."""
        from parley.framing import GROUPINGS, framing_row, store_framing
        from parley.store import Store

        _check(fmt, FORMATS, "--format")
        _check(by, GROUPINGS, "--by")
        rows = [framing_row(f) for f in store_framing(Store(db), by)]
        render(rows, fmt, Console(soft_wrap=False), title=f"Framing by {by}")

    @app.command(name="compare")
    def compare_(
        outlet: Annotated[list[str], typer.Option(help="An outlet; give exactly two")],
        story: Annotated[str | None, typer.Option(help="Only this story id")] = None,
        db: DbOption = None,
        fmt: FormatOption = "table",
    ) -> None:
        """How two outlets report the stories both cover: events, actors, claims, framing."""
        from parley.compare import (
            compare,
            comparison_record,
            comparison_rows,
            framing_side_by_side,
        )

        _check(fmt, FORMATS, "--format")
        if len(outlet) != 2:
            raise ParleyError(f"--outlet given {len(outlet)} times: give exactly two outlets")
        store, found = _stories(db)
        result = compare(store, outlet[0], outlet[1], story, stories=found)
        console = Console(soft_wrap=False)
        if fmt in {"json", "jsonl"}:
            render([comparison_record(result)], fmt, console)
            return
        render(framing_side_by_side(result), fmt, console, title="Framing and tone")
        render(comparison_rows(result), fmt, console, title="Shared stories")

    @app.command()
    def report(
        out_path: Annotated[Path, typer.Option("--out", help="File to write")]
        = Path("report.html"),
        fmt: Annotated[str, typer.Option("--format", "-f", help="html or md")] = "html",
        title: Annotated[str | None, typer.Option(help="The report's title")] = None,
        db: DbOption = None,
    ) -> None:
        """A self-contained report (HTML with inline SVG charts, or Markdown)."""
        from parley.report import DEFAULT_TITLE, write_report
        from parley.store import Store

        written = write_report(Store(db), out_path, fmt, title or DEFAULT_TITLE)
        Console().print(f"wrote {written}")
