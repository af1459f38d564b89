"""The jobs behind the CLI, API and report: ingest into a store, code what is new.

Each job is safe to re-run: ingest skips texts already stored (exact duplicates by
content hash) and links near-duplicates to their first copy; coding replaces an
article's previous coding in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from parley.dedup import Deduplicator
from parley.ingest import IngestOptions, read_inputs
from parley.models import Article, IngestError
from parley.pipeline import CODER_VERSION, Pipeline
from parley.store import Store


@dataclass
class IngestSummary:
    ingested: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"ingested": self.ingested, "exact_duplicates": self.exact_duplicates,
                "near_duplicates": self.near_duplicates, "errors": len(self.errors)}


def ingest(store: Store, inputs: Iterable[str], *, outlet: str | None = None,
           published: str | None = None, options: IngestOptions | None = None,
           near_duplicate_threshold: float = 0.8,
           progress: Callable[[Article | IngestError], None] | None = None) -> IngestSummary:
    """Read inputs into the store. One bad item is recorded and never stops the batch."""
    items = read_inputs(inputs, outlet=outlet, published=published, options=options)
    dedup = Deduplicator.from_pairs(store.texts_for_dedup(), threshold=near_duplicate_threshold)
    return ingest_items(store, items, dedup=dedup, progress=progress)


def ingest_items(store: Store, items: Iterable[Article | IngestError], *, dedup: Deduplicator,
                 progress: Callable[[Article | IngestError], None] | None = None
                 ) -> IngestSummary:
    """Store articles already read (errors are recorded), deduplicated against ``dedup``.

    ``dedup`` must index the store's first copies; callers that ingest repeatedly
    (``parley watch``) keep one, instead of rebuilding it from every stored text.
    """
    summary = IngestSummary()
    for item in items:
        if progress:
            progress(item)
        if isinstance(item, IngestError):
            store.record_error(item)
            summary.errors.append(item)
            continue
        first_copy = dedup.find(item.text)
        item.duplicate_of = first_copy
        outcome = store.add_article(item)
        if outcome == "duplicate":
            summary.exact_duplicates += 1
        elif first_copy:
            summary.near_duplicates += 1
        else:
            summary.ingested += 1
            dedup.add(item.id, item.text)
    return summary


@dataclass
class CodeSummary:
    articles: int = 0
    sentences: int = 0
    events: int = 0
    claims: int = 0


def code(store: Store, pipeline: Pipeline, *, recode: bool = False, batch_size: int = 16,
         progress: Callable[[Article], None] | None = None) -> CodeSummary:
    """Code every article not coded yet (all of them with ``recode``)."""
    summary = CodeSummary()
    for coded in pipeline.code(store.articles(uncoded_only=not recode), batch_size=batch_size):
        store.save_coding(coded.article.id, coded.sentences, coded.mentions, coded.events,
                          coded.claims, CODER_VERSION)
        summary.articles += 1
        summary.sentences += len(coded.sentences)
        summary.events += len(coded.events)
        summary.claims += len(coded.claims)
        if progress:
            progress(coded.article)
    return summary
