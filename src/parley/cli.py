"""The ``parley`` command: a thin Typer layer over the library's functions.

Every command that lists things takes ``--format table|csv|jsonl|json`` and ``--db``.
Errors the user can act on (``ParleyError``) are printed on one line, exit code 1.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from parley.cli_analysis import register as register_analysis
from parley.cli_ingest import progress_reporter
from parley.cli_ingest import register as register_ingest
from parley.export import (
    FORMATS,
    claim_record,
    claim_row,
    event_record,
    event_row,
    render,
)
from parley.models import ParleyError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Verifiable event data from news about negotiations and geopolitics.")
dict_app = typer.Typer(no_args_is_help=True, help="Verb dictionaries.")
actors_app = typer.Typer(no_args_is_help=True, help="The actor base.")
app.add_typer(dict_app, name="dict")
app.add_typer(actors_app, name="actors")

# Piped output is not squeezed to 80 columns: tables stay readable in files and pagers.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 180)
err = Console(stderr=True, soft_wrap=True)  # an error stays on one line, however long

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}
MODES = {"negation", "hypothetical", "future", "historical", "phone", "visit", "discontinue",
         "withdraw", "release", "disapprove", "allege", "resign", "convict", "arrest"}

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database path or SQLAlchemy URL [default: $PARLEY_DB or parley.db]")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or json")]


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ParleyError(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    return fmt


def _store(db: str | None):
    from parley.store import Store

    return Store(db)


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    for fmt_len in (10, 7, 4):
        try:
            if len(value) == fmt_len:
                date.fromisoformat((value + "-01-01")[:10])
                return value
        except ValueError:
            break
    raise ParleyError(f"{option} {value}: not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")


# --- ingest and code -------------------------------------------------------------------

@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, feeds or -")],
    outlet: Annotated[str | None, typer.Option(help="Outlet for items that name none")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for items that carry none")] = None,
    near_duplicate: Annotated[float, typer.Option(
        help="MinHash similarity at which an article is a near-duplicate")] = 0.8,
    allow_private: Annotated[bool, typer.Option(
        help="Let URLs reach loopback and private addresses")] = False,
    max_items: Annotated[int | None, typer.Option(help="Stop after this many items")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed for each URL")] = 10.0,
    max_bytes: Annotated[int, typer.Option(help="Largest item read, in bytes")] = 20_000_000,
    text_field: Annotated[str, typer.Option(help="JSONL/CSV column with the text")] = "text",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV column with the title")] = "title",
    date_field: Annotated[str, typer.Option(
        help="JSONL/CSV column with the publication date")] = "published",
    url_field: Annotated[str, typer.Option(help="JSONL/CSV column with the URL")] = "url",
    outlet_field: Annotated[str, typer.Option(help="JSONL/CSV column with the outlet")] = "outlet",
    id_field: Annotated[str, typer.Option(help="JSONL/CSV column with the record id")] = "id",
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Read articles into the database (exact and near duplicates are not stored twice)."""
    from parley import workflows
    from parley.ingest import IngestOptions

    _check_format(fmt)
    store = _store(db)
    options = IngestOptions(allow_private=allow_private, max_items=max_items, timeout=timeout,
                            max_bytes=max_bytes, text_field=text_field, title_field=title_field,
                            date_field=date_field, url_field=url_field,
                            outlet_field=outlet_field, id_field=id_field)
    with progress_reporter() as progress:
        summary = workflows.ingest(store, paths, outlet=outlet, published=_date(
            published, "--published"), options=options,
            near_duplicate_threshold=near_duplicate, progress=progress)
    for error in summary.errors:
        err.print(f"[red]error[/red] {error.input}: {error.message}", highlight=False)
    if fmt in {"json", "jsonl"}:
        out.file.write(json.dumps(summary.as_dict()) + "\n")
    else:
        render([summary.as_dict()], fmt, out, title="Ingest")
    if summary.errors and not (summary.ingested or summary.near_duplicates
                               or summary.exact_duplicates):
        raise typer.Exit(1)


ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Extra actor files (YAML, as written by `parley actors add`)")]
VerbsOption = Annotated[list[Path] | None, typer.Option(
    "--verbs", help="Extra verb pattern files (YAML, e.g. from `parley dict import-petrarch`)")]


def _pipeline(actors: list[Path] | None, verbs: list[Path] | None):
    from parley.actors import ActorBase
    from parley.codebook import VerbDictionary
    from parley.pipeline import Pipeline

    for path in [*(actors or []), *(verbs or [])]:
        if not path.is_file():
            raise ParleyError(f"{path}: no such file")
    return Pipeline(actors=ActorBase.load(actors) if actors else None,
                    verbs=VerbDictionary.load(verbs) if verbs else None)


@app.command()
def code(
    recode: Annotated[bool, typer.Option(help="Code every article again")] = False,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch")] = 16,
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
    db: DbOption = None,
) -> None:
    """Code the articles not coded yet: actors, events, dates, places, claims."""
    from parley import workflows

    store = _store(db)
    summary = workflows.code(store, _pipeline(actors, verbs), recode=recode,
                             batch_size=batch_size)
    out.print(f"coded {summary.articles} articles: {summary.sentences} sentences, "
              f"{summary.events} events, {summary.claims} claims")


# --- listings ------------------------------------------------------------------------------

@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Actor or recipient code, e.g. RUS")] = None,
    type_: Annotated[str | None, typer.Option(
        "--type", help="PLOVER type (CONSULT) or CAMEO prefix (04)")] = None,
    since: Annotated[str | None, typer.Option(help="From this event date")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this event date")] = None,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Include negated and hypothetical events")] = False,
    mode: Annotated[str | None, typer.Option(
        help="Only events with this mode (negation, hypothetical, future, historical)")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """List coded events. Negated and hypothetical events are hidden unless --all."""
    _check_format(fmt)
    if mode and mode not in MODES:
        raise ParleyError(f"--mode {mode}: expected one of {', '.join(sorted(MODES))}")
    if type_ and not (type_.upper() in PLOVER_TYPES or type_.isdigit()):
        raise ParleyError(f"--type {type_}: expected a PLOVER type "
                          f"({', '.join(sorted(PLOVER_TYPES))}) or a CAMEO code prefix")
    found = _store(db).events(actor=actor, plover=type_, since=_date(since, "--since"),
                              until=_date(until, "--until"))
    if mode:
        found = [e for e in found if mode in e.modes]
    shown = found if show_all or mode else [
        e for e in found if not {"negation", "hypothetical"} & set(e.modes)]
    render([event_row(e) for e in shown], fmt, out, title="Events",
           records=[event_record(e) for e in shown])
    hidden = len(found) - len(shown)
    if hidden:
        err.print(f"{hidden} negated or hypothetical events hidden (use --all to show them)")


@app.command()
def show(article: Annotated[str, typer.Argument(help="Article id")], db: DbOption = None) -> None:
    """Print an article with the evidence of its events highlighted."""
    store = _store(db)
    art = store.article(article)
    found = store.events(article_id=article)
    text = Text(art.text)
    for e in found:
        text.stylize("on grey23", e.start, e.end)
        if e.trigger_start is not None:
            text.stylize("bold yellow", e.trigger_start, e.trigger_end)
    out.print(f"[bold]{art.title or art.id}[/bold]  {art.outlet or ''}  {art.published or ''}")
    out.print(text)
    for e in found:
        row = event_row(e)
        out.print(f"• {row['date']}  {row['actor']} {row['event']} {row['recipient']}  "
                  f"{row['place']}  [dim]{e.id}[/dim]")


@app.command()
def stats(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """Counts of articles, sentences, mentions and events by type."""
    _check_format(fmt)
    counts = _store(db).counts()
    if fmt in {"json", "jsonl"}:
        out.file.write(json.dumps(counts) + "\n")
        return
    by_type = counts.pop("events_by_type")
    render([{"what": k, "count": v} for k, v in counts.items()], fmt, out, title="Database")
    render([{"event": k, "count": v} for k, v in by_type.items()], fmt, out,
           title="Events by type")


@app.command()
def claims(
    speaker: Annotated[str | None, typer.Option(help="Speaker code or name part")] = None,
    min_amount: Annotated[float | None, typer.Option("--min", help="Smallest amount")] = None,
    max_amount: Annotated[float | None, typer.Option("--max", help="Largest amount")] = None,
    currency: Annotated[str | None, typer.Option(help="Currency code, e.g. USD")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """List claims: who said what, with the amounts claimed."""
    from parley.analysis import filter_claims

    _check_format(fmt)
    found = filter_claims(_store(db).claims(), speaker=speaker, min_amount=min_amount,
                          max_amount=max_amount, currency=currency)
    render([claim_row(c) for c in found], fmt, out, title="Claims",
           records=[claim_record(c) for c in found])


@app.command()
def explain(event_id: Annotated[str, typer.Argument(help="Event id")],
            db: DbOption = None) -> None:
    """Show how an event was coded: sentence, parse, rule, actors, date and place."""
    from parley.explain import explain_event

    found = _store(db).events(event_id=event_id)
    if not found:
        raise ParleyError(f"{event_id}: no such event")
    out.print(explain_event(found[0]))


# --- one-off coding ------------------------------------------------------------------------

@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A text file, a .jsonl of {id, text, date}, or -")],
    date_: Annotated[str | None, typer.Option("--date", help="Publication date")] = None,
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Code one text (or a JSONL batch) and print its events without storing anything."""
    from parley.extract import extract_records

    _check_format(fmt)
    records = extract_records(source, _date(date_, "--date"), _pipeline(actors, verbs),
                              on_error=lambda e: err.print(f"[red]error[/red] {e}",
                                                           highlight=False))
    rows = [{**event_row_from_record(r)} for r in records]
    render(rows, fmt, out, title="Events", records=records)


def event_row_from_record(r: dict) -> dict:
    return {"record": r.get("record", ""), "date": r["date"] or "",
            "actor": ", ".join(a["code"] or "?" for a in r["actor"]),
            "event": f"{r['event']} {r['cameo']}" + (f" [{', '.join(r['mode'])}]"
                                                     if r["mode"] else ""),
            "recipient": ", ".join(a["code"] or "?" for a in r["recipient"]),
            "place": (r["event_loc"] or {}).get("name", ""),
            "evidence": r["text_info"]["text"].strip()}


# --- evaluation and benchmark ------------------------------------------------------------

@app.command(name="eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files")],
    errors: Annotated[bool, typer.Option("--errors", help="Print misses and false positives")]
    = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable figures")] = False,
) -> None:
    """Score the coder against hand-coded gold sentences (PLOVER matching rules)."""
    from parley.evaluate import evaluate, print_report

    report = evaluate(gold)
    if as_json:
        out.file.write(json.dumps(report.as_dict(), indent=2) + "\n")
    else:
        print_report(report, out, show_errors=errors)


@app.command()
def bench(
    corpus: Annotated[Path, typer.Argument(help="A JSONL corpus with a text field")],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles")] = None,
    batch_size: Annotated[int, typer.Option()] = 16,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Throughput and peak memory: bare spaCy parse vs the full coding pipeline."""
    from parley.bench import print_bench, run_bench

    result = run_bench(corpus, limit=limit, batch_size=batch_size)
    if as_json:
        out.file.write(json.dumps(result, indent=2) + "\n")
    else:
        print_bench(result, out)


# --- actors and dictionaries ---------------------------------------------------------------

@actors_app.command("resolve")
def actors_resolve(name: str, date_: Annotated[str | None, typer.Option("--date")] = None,
                   actors: ActorsOption = None, fmt: FormatOption = "table") -> None:
    """What a name resolves to on a date: canonical name, code, sector, office, rule."""
    from parley.actors import ActorBase, default_actor_base

    _check_format(fmt)
    base = ActorBase.load(actors) if actors else default_actor_base()
    found = base.resolve(name, _date(date_, "--date"))
    if not found:
        raise ParleyError(f"{name}: not in the actor base")
    row = {"name": found.name or found.text, "code": found.code, "country": found.country,
           "sector": found.sector, "office": found.office, "rule": found.rule}
    render([row], fmt, out, title=f"{name} on {date_ or 'the latest date'}")


@actors_app.command("unknown")
def actors_unknown(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """People and organisations found in text but missing from the actor base."""
    _check_format(fmt)
    rows = [{"name": n, "mentions": c} for n, c in _store(db).unknown_actors()]
    render(rows, fmt, out, title="Unresolved actors")


@actors_app.command("add")
def actors_add(
    name: str,
    country: Annotated[str, typer.Option(help="ISO3 or bloc code")],
    sector: Annotated[str | None, typer.Option(help="GOV, MIL, BUS, ...")] = None,
    office: Annotated[str | None, typer.Option()] = None,
    start: Annotated[str | None, typer.Option(help="Role start YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option(help="Role end YYYY-MM-DD")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Other names")] = None,
    kind: Annotated[str, typer.Option(help="person, org or country")] = "person",
    file: Annotated[Path, typer.Option(help="User actor file (YAML)")] = Path("actors.yaml"),
) -> None:
    """Add an actor to a user actor file; `parley code --recode --actors FILE` applies it."""
    from parley.actors import add_user_actor

    add_user_actor(file, name=name, country=country, sector=sector, office=office,
                   start=_date(start, "--start"), end=_date(end, "--end"),
                   aliases=alias or [], kind=kind)
    out.print(f"added {name} to {file}; use it with --actors {file} "
              f"(parley code --recode --actors {file})")


@actors_app.command("import-petrarch")
def actors_import(paths: list[Path],
                  out_file: Annotated[Path, typer.Option("--out")] = Path("petrarch-actors.yaml")
                  ) -> None:
    """Convert Phoenix/PETRARCH actor dictionaries into parley's actor YAML."""
    from parley.petrarch import dump_yaml, import_actors

    entries, report = import_actors(paths)
    dump_yaml(entries, out_file)
    _print_import(report, out_file)


@dict_app.command("import-petrarch")
def dict_import(path: Path,
                out_file: Annotated[Path, typer.Option("--out")] = Path("petrarch-verbs.yaml")
                ) -> None:
    """Convert a PETRARCH-2 verb dictionary into parley's verb patterns."""
    from parley.petrarch import dump_yaml, import_verbs

    entries, report = import_verbs(path)
    dump_yaml(entries, out_file)
    _print_import(report, out_file)


def _print_import(report, out_file: Path) -> None:
    total = report.loaded + sum(report.skipped.values())
    out.print(f"converted {report.loaded} of {total} ({report.loaded / max(total, 1):.1%}) "
              f"into {out_file}")
    for reason, count in report.skipped.most_common():
        out.print(f"  skipped {count}: {reason}")


register_analysis(app)
register_ingest(app)


def main() -> None:
    try:
        app()
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
