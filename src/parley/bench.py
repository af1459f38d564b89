"""``parley bench``: throughput and peak memory of (a) the bare spaCy parse and (b) the
full coding pipeline over the same texts, and the ratio b/a.

Peak memory is the process's resident high-water mark (``ru_maxrss``) after each stage;
the pipeline runs second, so its figure includes the parse's.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.models import ParleyError


def load_texts(corpus: Path, limit: int | None) -> list[dict[str, Any]]:
    if not corpus.is_file():
        raise ParleyError(f"{corpus}: no such corpus file")
    records = []
    with corpus.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ParleyError(f"{corpus}:{number}: not JSON ({exc.msg})") from exc
                if record.get("text"):
                    records.append(record)
    if not records:
        raise ParleyError(f"{corpus}: no records with a text field")
    return records


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(corpus: Path, *, limit: int | None = None, batch_size: int = 16) -> dict:
    from parley.nlp import bare_nlp
    from parley.pipeline import Pipeline, article_from_text

    records = load_texts(corpus, limit)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)

    nlp = bare_nlp()
    nlp("warm up")
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=batch_size))
    parse_seconds = time.perf_counter() - start
    parse_peak = _peak_mb()

    start = time.perf_counter()
    pipeline = Pipeline()
    articles = [article_from_text(r["text"], article_id=str(r.get("id", i)),
                                  published=(r.get("published") or r.get("date") or "")[:10]
                                  or None) for i, r in enumerate(records)]
    list(pipeline.code(articles[:1]))  # load gazetteer and tables outside the timing
    startup_seconds = time.perf_counter() - start
    start = time.perf_counter()
    events = sum(len(c.events) for c in pipeline.code(articles, batch_size=batch_size))
    full_seconds = time.perf_counter() - start

    def rates(seconds: float) -> dict[str, float]:
        return {"seconds": round(seconds, 2), "articles_per_s": round(len(texts) / seconds, 2),
                "sentences_per_s": round(sentences / seconds, 1),
                "words_per_s": round(words / seconds)}

    return {"corpus": str(corpus), "articles": len(texts), "sentences": sentences,
            "words": words, "events": events,
            "spacy": rates(parse_seconds) | {"peak_mb": round(parse_peak)},
            "pipeline": rates(full_seconds) | {"peak_mb": round(_peak_mb())},
            "ratio": round(full_seconds / parse_seconds, 3),
            "startup_seconds": round(startup_seconds, 2)}


def print_bench(result: dict, console: Console) -> None:
    table = Table(title=f"{result['corpus']}: {result['articles']} articles, "
                        f"{result['sentences']} sentences, {result['words']} words")
    for column in ("stage", "seconds", "articles/s", "sentences/s", "words/s", "peak MB"):
        table.add_column(column, justify="right" if column != "stage" else "left")
    for stage, label in (("spacy", "(a) spaCy nlp.pipe"), ("pipeline", "(b) full pipeline")):
        r = result[stage]
        table.add_row(label, str(r["seconds"]), str(r["articles_per_s"]),
                      str(r["sentences_per_s"]), str(r["words_per_s"]), str(r["peak_mb"]))
    console.print(table)
    console.print(f"ratio b/a: {result['ratio']:.3f} (coding adds "
                  f"{(result['ratio'] - 1) * 100:.1f}% to the parse); {result['events']} events")
    console.print(f"startup (model, dictionaries, gazetteer, first article): "
                  f"{result['startup_seconds']:.2f} s")
