"""Event and claim records in their published shapes (PLOVER JSON field names), and the
writers shared by every listing command: table, csv, jsonl, json."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.models import ActorMention, Claim, Event

FORMATS = ("table", "csv", "jsonl", "json")


def _actor(m: ActorMention) -> dict[str, Any]:
    return {"text": m.text, "code": m.code, "country": m.country, "sector": m.sector,
            "name": m.name, "rule": m.rule}


def event_record(e: Event) -> dict[str, Any]:
    """An event as PLOVER JSON, plus parley's provenance fields (rule, confidence)."""
    return {
        "id": e.id,
        "event": e.plover,
        "cameo": e.cameo,
        "quad_code": e.quad_class,
        "event_scale": e.goldstein,
        "mode": e.modes,
        "context": e.context,
        "actor": [_actor(m) for m in e.actors],
        "recipient": [_actor(m) for m in e.recipients],
        "source": _actor(e.source_actor) if e.source_actor else None,
        "date": e.date.value if e.date else None,
        "date_granularity": e.date.granularity if e.date else None,
        "date_text": e.date.text if e.date else None,
        "event_loc": ({"name": e.place.name, "country": e.place.country,
                       "admin1": e.place.admin1, "lat": e.place.lat, "lon": e.place.lon,
                       "text": e.place.text} if e.place else None),
        "text_info": {"article": e.article_id, "sentence": e.sentence_index,
                      "start": e.start, "end": e.end, "text": e.sentence,
                      "trigger": e.trigger, "trigger_start": e.trigger_start,
                      "trigger_end": e.trigger_end},
        "rule": e.rule,
        "confidence": e.confidence,
    }


def event_row(e: Event) -> dict[str, Any]:
    """A flat view for tables and CSV."""
    date = f"{e.date.value} ({e.date.granularity})" if e.date else ""
    return {
        "date": date,
        "actor": ", ".join(m.code or "?" for m in e.actors),
        "event": f"{e.plover} {e.cameo}" + (f" [{', '.join(e.modes)}]" if e.modes else ""),
        "recipient": ", ".join(m.code or "?" for m in e.recipients),
        "place": f"{e.place.name} ({e.place.country})" if e.place else "",
        "evidence": e.sentence.strip().replace("\n", " "),
        "id": e.id,
    }


def claim_record(c: Claim) -> dict[str, Any]:
    return {
        "article": c.article_id, "sentence": c.sentence_index,
        "speaker": _actor(c.speaker) if c.speaker else None, "verb": c.verb,
        "text": c.text, "start": c.start, "end": c.end, "stance": c.stance,
        "amounts": [{"kind": a.kind, "value": a.value, "currency": a.currency,
                     "vague": a.vague, "year": a.year, "direction": a.direction,
                     "text": a.text} for a in c.amounts],
        "rule": c.rule,
    }


def claim_row(c: Claim) -> dict[str, Any]:
    amounts = "; ".join(
        ("≥" if a.rule == "amount:vague-plural" else "~" if a.vague else "") + (f"{a.value:,.0f} {a.currency or ''}" if a.kind == "money"
                                    else f"{a.value:g}{'%' if a.kind == 'percent' else ''}")
        + (f" ({a.year})" if a.year else "") for a in c.amounts)
    speaker = (f"{c.speaker.code or '?'} ({c.speaker.text})" if c.speaker else "(article)")
    return {"speaker": speaker,
            "verb": c.verb, "amounts": amounts, "claim": c.text.replace("\n", " "),
            "article": c.article_id}


def render(rows: Sequence[dict[str, Any]], fmt: str, console: Console, *,
           title: str | None = None, records: Sequence[dict[str, Any]] | None = None) -> None:
    """Print rows as a Rich table or CSV; print full ``records`` (or rows) as JSON/JSONL."""
    records = rows if records is None else records
    if fmt == "json":
        console.file.write(json.dumps(list(records), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for record in records:
            console.file.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        console.file.write(buffer.getvalue())
    else:
        table = Table(title=title, show_lines=False, expand=False)
        for name in (rows[0] if rows else []):
            wide = name in {"evidence", "claim", "text"}
            table.add_column(name, overflow="fold", no_wrap=name == "id",
                             min_width=40 if wide else None, max_width=70 if wide else None)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        console.print(table)
