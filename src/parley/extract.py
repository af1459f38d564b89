"""Code text without storing it: ``parley extract`` and scripts that want records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parley.export import event_record
from parley.ingest import read_inputs
from parley.models import Article, IngestError, ParleyError
from parley.pipeline import Pipeline, article_from_text


def articles_from_source(source: str, published: str | None,
                         on_error: Callable[[IngestError], None] | None = None
                         ) -> list[Article]:
    """A .jsonl source is a batch of {id, text, date} records whose ids are kept as given;
    anything else (text with front matter, HTML, stdin) is read as ``parley ingest`` reads
    it. A bad record or item is reported through ``on_error`` and skipped."""
    if source != "-" and not Path(source).exists():
        raise ParleyError(f"{source}: no such file")
    if not source.endswith(".jsonl"):
        items = list(read_inputs([source], published=published))
        return _keep_articles(items, source, on_error)
    articles = []
    lines = Path(source).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            body = record["text"]
            if not isinstance(body, str) or not body.strip():
                raise ValueError("empty text")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            if on_error:
                on_error(IngestError(f"{source}:{number}", "parse",
                                     f"not a JSON record with a text ({exc})"))
            continue
        articles.append(article_from_text(body, article_id=str(record.get("id", number)),
                                          published=record.get("date") or published))
    return articles


def _keep_articles(items: list[Article | IngestError], source: str,
                   on_error: Callable[[IngestError], None] | None) -> list[Article]:
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    for error in errors:
        if on_error:
            on_error(error)
    if not articles:
        raise ParleyError(str(errors[0]) if errors else f"{source}: nothing to code")
    return articles


def extract_records(source: str, published: str | None, pipeline: Pipeline | None = None,
                    on_error: Callable[[IngestError], None] | None = None
                    ) -> list[dict[str, Any]]:
    """PLOVER JSON records for every event in the source; a batch tags each with its
    record id."""
    articles = articles_from_source(source, published, on_error)
    pipeline = pipeline or Pipeline()
    records = []
    for coded in pipeline.code(articles):
        for event in coded.events:
            record = event_record(event)
            if source.endswith(".jsonl"):
                record["record"] = coded.article.id
            records.append(record)
    return records
