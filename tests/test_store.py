"""Storage: migrations, idempotent writes, transactional recoding, bad databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from parley.ingest import content_hash
from parley.models import Article, ParleyError
from parley.store import MIGRATIONS, Store


def article(id_: str, text: str) -> Article:
    return Article(id=id_, text=text, published="2025-03-05", content_hash=content_hash(text))


def test_migrations_apply_once(tmp_path):
    db = str(tmp_path / "t.db")
    Store(db)
    store = Store(db)
    with store.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(sa.text("select version from schema_version"))]
    assert versions == [v for v, _ in MIGRATIONS]


def test_exact_duplicates_are_not_stored_twice(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    assert store.add_article(article("a", "Rubio met Lavrov.")) == "new"
    assert store.add_article(article("b", "Rubio  met Lavrov.")) == "duplicate"
    assert [a.id for a in store.articles()] == ["a"]


def test_a_taken_id_gets_a_suffix(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    store.add_article(article("a", "First text."))
    second = article("a", "Second text.")
    store.add_article(second)
    assert second.id == "a-2" and {a.id for a in store.articles()} == {"a", "a-2"}


def test_recoding_replaces_and_counts_stay(tmp_path, pipeline):
    store = Store(str(tmp_path / "t.db"))
    store.add_article(article("a", "Rubio met Lavrov in Riyadh on Tuesday. Iran fired "
                                   "missiles at Israel."))
    for _ in range(2):
        for coded in pipeline.code(store.articles()):
            store.save_coding(coded.article.id, coded.sentences, coded.mentions,
                              coded.events, coded.claims, "test")
    counts = store.counts()
    assert counts["sentences"] == 2 and counts["events"] == 2
    event = store.events(plover="CONSULT")[0]
    assert event.actors[0].name == "Marco Rubio" and event.date.value == "2025-03-04"


def test_a_failed_save_leaves_the_previous_coding(tmp_path, pipeline):
    store = Store(str(tmp_path / "t.db"))
    store.add_article(article("a", "Rubio met Lavrov in Riyadh on Tuesday."))
    coded = next(iter(pipeline.code(store.articles())))
    store.save_coding("a", coded.sentences, coded.mentions, coded.events, coded.claims, "t")
    broken = coded.events[0]
    broken.id = None  # violates the primary key: the transaction must roll back
    with pytest.raises(sa.exc.IntegrityError):
        store.save_coding("a", coded.sentences, coded.mentions, [broken], [], "t")
    assert store.counts()["events"] == 1 and store.counts()["sentences"] == 1


def test_database_in_a_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ParleyError, match="does not exist"):
        Store(str(tmp_path / "missing" / "x.db"))


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database " * 100)
    with pytest.raises(ParleyError, match="not a usable database"):
        Store(str(path))


def test_postgres_when_available():
    try:
        store = Store("postgresql+psycopg2://postgres@127.0.0.1:5432/test")
    except (ParleyError, ImportError, sa.exc.OperationalError, ModuleNotFoundError) as exc:
        pytest.skip(f"PostgreSQL not reachable with a driver here: {exc}")
    assert store.counts()["articles"] >= 0
