"""Code text without storing it: ``parley extract`` and scripts that want records."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from parley.export import event_record
from parley.ingest import content_hash
from parley.models import Article, ParleyError
from parley.pipeline import Pipeline


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise ParleyError(f"{source}: no such file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParleyError(f"{source}: invalid UTF-8 at byte {exc.start}") from exc


def articles_from_source(source: str, published: str | None) -> list[Article]:
    """A .jsonl source is a batch of {id, text, date} records; anything else is one text."""
    text = _read(source)
    if not source.endswith(".jsonl"):
        if not text.strip():
            raise ParleyError(f"{source}: empty input")
        return [Article(id=Path(source).stem if source != "-" else "stdin", text=text,
                        published=published, content_hash=content_hash(text))]
    articles = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            body = record["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ParleyError(f"{source}:{number}: not a JSON record with a text ({exc})") from exc
        articles.append(Article(id=str(record.get("id", number)), text=body,
                                published=record.get("date") or published,
                                content_hash=content_hash(body)))
    return articles


def extract_records(source: str, published: str | None,
                    pipeline: Pipeline | None = None) -> list[dict[str, Any]]:
    """PLOVER JSON records for every event in the source; a batch tags each with its
    record id."""
    articles = articles_from_source(source, published)
    pipeline = pipeline or Pipeline()
    records = []
    for coded in pipeline.code(articles):
        for event in coded.events:
            record = event_record(event)
            if source.endswith(".jsonl"):
                record["record"] = coded.article.id
            records.append(record)
    return records
