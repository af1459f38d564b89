"""Storage: one SQL schema behind SQLAlchemy Core, SQLite by default.

The schema is created and upgraded by numbered migrations applied at start-up
(``MIGRATIONS``), so an old database file keeps working after an upgrade. Every write
of an article's coding happens in one transaction: a failure leaves the previous
state untouched, and re-running a command replaces rather than duplicates.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from parley.models import (
    ActorMention,
    Amount,
    Article,
    Claim,
    Event,
    IngestError,
    ParleyError,
    Place,
    Sentence,
    TimeExpression,
)

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata, sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.String),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("outlet", sa.String), sa.Column("url", sa.String), sa.Column("title", sa.String),
    sa.Column("author", sa.String), sa.Column("published", sa.String, index=True),
    sa.Column("language", sa.String), sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String, nullable=False, unique=True),
    sa.Column("source", sa.String),
    sa.Column("duplicate_of", sa.String, sa.ForeignKey("articles.id"), index=True),
    sa.Column("ingested_at", sa.String),
    sa.Column("coded_at", sa.String),
    sa.Column("coder_version", sa.String),
)

sentences = sa.Table(
    "sentences", metadata,
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("text", sa.Text),
)

actor_mentions = sa.Table(
    "actor_mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), index=True),
    sa.Column("sentence_idx", sa.Integer),
    sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("text", sa.String),
    sa.Column("code", sa.String, index=True), sa.Column("country", sa.String),
    sa.Column("sector", sa.String), sa.Column("name", sa.String), sa.Column("office", sa.String),
    sa.Column("kind", sa.String), sa.Column("rule", sa.String),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), index=True),
    sa.Column("sentence_idx", sa.Integer),
    sa.Column("cameo", sa.String, index=True), sa.Column("plover", sa.String, index=True),
    sa.Column("quad_class", sa.Integer), sa.Column("goldstein", sa.Float),
    sa.Column("actor_codes", sa.String, index=True), sa.Column("actor_text", sa.String),
    sa.Column("recipient_codes", sa.String, index=True), sa.Column("recipient_text", sa.String),
    sa.Column("negated", sa.Boolean, default=False),
    sa.Column("hypothetical", sa.Boolean, default=False),
    sa.Column("future", sa.Boolean, default=False),
    sa.Column("historical", sa.Boolean, default=False),
    sa.Column("date", sa.String, index=True), sa.Column("date_granularity", sa.String),
    sa.Column("date_text", sa.String),
    sa.Column("place_name", sa.String), sa.Column("place_country", sa.String),
    sa.Column("place_lat", sa.Float), sa.Column("place_lon", sa.Float),
    sa.Column("start", sa.Integer), sa.Column("end", sa.Integer),
    sa.Column("sentence", sa.Text), sa.Column("trigger", sa.String),
    sa.Column("rule", sa.String), sa.Column("confidence", sa.Float),
    sa.Column("record", sa.JSON),  # the full Event, for exact round-trips and explanations
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), index=True),
    sa.Column("sentence_idx", sa.Integer),
    sa.Column("speaker_code", sa.String, index=True), sa.Column("speaker_text", sa.String),
    sa.Column("verb", sa.String), sa.Column("start", sa.Integer), sa.Column("end", sa.Integer),
    sa.Column("text", sa.Text), sa.Column("record", sa.JSON),
)

ingest_errors = sa.Table(
    "ingest_errors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("input", sa.String), sa.Column("stage", sa.String),
    sa.Column("message", sa.String), sa.Column("at", sa.String),
)


feeds = sa.Table(
    "feeds", metadata,
    sa.Column("url", sa.String, primary_key=True),
    sa.Column("etag", sa.String), sa.Column("last_modified", sa.String),
    sa.Column("last_polled", sa.String),
    sa.Column("items_seen", sa.Integer, nullable=False, default=0),
)


def _v1_create_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[articles, sentences, actor_mentions, events, claims,
                                      ingest_errors])


def _v2_create_feeds(conn: Connection) -> None:
    metadata.create_all(conn, tables=[feeds])


MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _v1_create_tables), (2, _v2_create_feeds)]


def database_url(db: str | None) -> str:
    """Turn ``--db`` (a path or an SQLAlchemy URL) into a URL, checking a path's folder."""
    db = db or os.environ.get("PARLEY_DB") or "parley.db"
    if "://" in db:
        return db
    folder = Path(db).expanduser().resolve().parent
    if not folder.is_dir():
        raise ParleyError(f"{db}: cannot open database, directory {folder} does not exist")
    return f"sqlite:///{Path(db).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(dataclasses.asdict(value), default=str))


def _codes(mentions: list[ActorMention]) -> str:
    return ";".join(m.code or "" for m in mentions)


class Store:
    """The database: articles, their coding, and ingest errors."""

    def __init__(self, db: str | None = None, *, engine: Engine | None = None):
        self.url = database_url(db) if engine is None else str(engine.url)
        self.engine = engine or sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            self.migrate()
        except sa.exc.DatabaseError as exc:
            raise ParleyError(f"{db or self.url}: not a usable database ({exc.orig})") from exc

    def migrate(self) -> int:
        with self.engine.begin() as conn:
            schema_version.create(conn, checkfirst=True)
            done = {row[0] for row in conn.execute(sa.select(schema_version.c.version))}
            for version, step in MIGRATIONS:
                if version not in done:
                    step(conn)
                    conn.execute(schema_version.insert().values(version=version,
                                                                applied_at=_now()))
        return MIGRATIONS[-1][0]

    # --- articles -------------------------------------------------------------------
    def add_article(self, article: Article) -> str:
        """Store an article unless its text is already stored. Returns 'new' or 'duplicate'.

        The article id is made unique: a different text under a taken id gets a suffix.
        """
        with self.engine.begin() as conn:
            if conn.execute(sa.select(articles.c.id).where(
                    articles.c.content_hash == article.content_hash)).first():
                return "duplicate"
            base, n = article.id, 2
            while conn.execute(sa.select(articles.c.id).where(articles.c.id == article.id)).first():
                article.id, n = f"{base}-{n}", n + 1
            row = dataclasses.asdict(article) | {"ingested_at": _now()}
            conn.execute(articles.insert().values(**row))
        return "new"

    def articles(self, *, uncoded_only: bool = False, ids: Iterable[str] | None = None,
                 include_duplicates: bool = False) -> Iterator[Article]:
        query = sa.select(*[articles.c[f.name] for f in dataclasses.fields(Article)])
        if uncoded_only:
            query = query.where(articles.c.coded_at.is_(None))
        if not include_duplicates:
            query = query.where(articles.c.duplicate_of.is_(None))
        if ids is not None:
            query = query.where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(query.order_by(articles.c.published, articles.c.id)):
                yield Article(**row._mapping)

    def article(self, article_id: str) -> Article:
        found = list(self.articles(ids=[article_id], include_duplicates=True))
        if not found:
            raise ParleyError(f"{article_id}: no such article in {self.url}")
        return found[0]

    def texts_for_dedup(self) -> Iterator[tuple[str, str]]:
        with self.engine.connect() as conn:
            yield from conn.execute(sa.select(articles.c.id, articles.c.text).where(
                articles.c.duplicate_of.is_(None)).order_by(articles.c.ingested_at))

    def record_error(self, error: IngestError) -> None:
        with self.engine.begin() as conn:
            conn.execute(ingest_errors.insert().values(input=error.input, stage=error.stage,
                                                       message=error.message, at=_now()))

    # --- feeds watched ----------------------------------------------------------------
    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last successful poll of a feed left: etag, last_modified, last_polled,
        items_seen; None for a feed never polled."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).first()
        return dict(row._mapping) if row else None

    def record_poll(self, url: str, *, etag: str | None, last_modified: str | None,
                    items: int) -> None:
        """Remember a successful poll: the validators for the next conditional request,
        and ``items`` more entries read from the feed."""
        with self.engine.begin() as conn:
            updated = conn.execute(feeds.update().where(feeds.c.url == url).values(
                etag=etag, last_modified=last_modified, last_polled=_now(),
                items_seen=feeds.c.items_seen + items))
            if not updated.rowcount:
                conn.execute(feeds.insert().values(url=url, etag=etag, last_modified=last_modified,
                                                   last_polled=_now(), items_seen=items))

    # --- coding ---------------------------------------------------------------------
    def save_coding(self, article_id: str, sents: list[Sentence], mentions: list[ActorMention],
                    evts: list[Event], found_claims: list[Claim], coder_version: str) -> None:
        """Replace an article's coding in one transaction."""
        with self.engine.begin() as conn:
            for table in (events, actor_mentions, sentences, claims):
                conn.execute(table.delete().where(table.c.article_id == article_id))
            if sents:
                conn.execute(sentences.insert(), [
                    {"article_id": article_id, "idx": s.index, "start": s.start, "end": s.end,
                     "text": s.text} for s in sents])
            if mentions:
                conn.execute(actor_mentions.insert(), [_mention_row(m) for m in mentions])
            if evts:
                conn.execute(events.insert(), [_event_row(e) for e in evts])
            if found_claims:
                conn.execute(claims.insert(), [_claim_row(c) for c in found_claims])
            conn.execute(articles.update().where(articles.c.id == article_id).values(
                coded_at=_now(), coder_version=coder_version))

    def events(self, *, actor: str | None = None, plover: str | None = None,
               since: str | None = None, until: str | None = None,
               article_id: str | None = None, event_id: str | None = None) -> list[Event]:
        query = sa.select(events.c.record)
        if actor:
            like = f"%{actor.upper()}%"
            query = query.where(sa.or_(events.c.actor_codes.like(like),
                                       events.c.recipient_codes.like(like)))
        if plover:
            query = query.where(sa.or_(events.c.plover == plover.upper(),
                                       events.c.cameo.like(f"{plover}%")))
        if since:
            query = query.where(events.c.date >= since)
        if until:
            query = query.where(events.c.date <= until + "\uffff")
        if article_id:
            query = query.where(events.c.article_id == article_id)
        if event_id:
            query = query.where(events.c.id == event_id)
        query = query.order_by(events.c.date, events.c.article_id, events.c.start)
        with self.engine.connect() as conn:
            return [event_from_record(row[0]) for row in conn.execute(query)]

    def claims(self) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(claims.c.record).order_by(claims.c.article_id,
                                                                    claims.c.start))
            return [claim_from_record(row[0]) for row in rows]

    def unknown_actors(self) -> list[tuple[str, int]]:
        query = (sa.select(actor_mentions.c.text, sa.func.count())
                 .where(actor_mentions.c.rule.like("ner:%"))
                 .group_by(actor_mentions.c.text).order_by(sa.func.count().desc()))
        with self.engine.connect() as conn:
            return [(row[0], row[1]) for row in conn.execute(query)]

    def counts(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            def count(table: sa.Table, *where: Any) -> int:
                return conn.execute(sa.select(sa.func.count()).select_from(table)
                                    .where(*where)).scalar_one()
            by_type = dict(conn.execute(sa.select(events.c.plover, sa.func.count())
                                        .group_by(events.c.plover)).all())
            return {
                "articles": count(articles, articles.c.duplicate_of.is_(None)),
                "near_duplicates": count(articles, articles.c.duplicate_of.is_not(None)),
                "coded": count(articles, articles.c.coded_at.is_not(None)),
                "sentences": count(sentences),
                "actor_mentions": count(actor_mentions),
                "events": count(events),
                "claims": count(claims),
                "ingest_errors": count(ingest_errors),
                "events_by_type": {k or "(statement)": v for k, v in sorted(
                    by_type.items(), key=lambda kv: -kv[1])},
            }


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL, still safe against a killed process
    cursor.close()


def _mention_row(m: ActorMention) -> dict[str, Any]:
    return {"article_id": m.article_id, "sentence_idx": m.sentence_index, "start": m.start,
            "end": m.end, "text": m.text, "code": m.code, "country": m.country,
            "sector": m.sector, "name": m.name, "office": m.office, "kind": m.kind,
            "rule": m.rule}


def _event_row(e: Event) -> dict[str, Any]:
    place = e.place or Place(name="")
    date = e.date or TimeExpression(value="", granularity="")
    return {
        "id": e.id, "article_id": e.article_id, "sentence_idx": e.sentence_index,
        "cameo": e.cameo, "plover": e.plover, "quad_class": e.quad_class,
        "goldstein": e.goldstein, "actor_codes": _codes(e.actors),
        "actor_text": "; ".join(m.text for m in e.actors),
        "recipient_codes": _codes(e.recipients),
        "recipient_text": "; ".join(m.text for m in e.recipients),
        "negated": "negation" in e.modes, "hypothetical": "hypothetical" in e.modes,
        "future": "future" in e.modes, "historical": "historical" in e.modes,
        "date": date.value or None, "date_granularity": date.granularity or None,
        "date_text": date.text or None, "place_name": place.name or None,
        "place_country": place.country, "place_lat": place.lat, "place_lon": place.lon,
        "start": e.start, "end": e.end, "sentence": e.sentence, "trigger": e.trigger,
        "rule": e.rule, "confidence": e.confidence, "record": _jsonable(e),
    }


def _claim_row(c: Claim) -> dict[str, Any]:
    return {"article_id": c.article_id, "sentence_idx": c.sentence_index,
            "speaker_code": c.speaker.code if c.speaker else None,
            "speaker_text": c.speaker.text if c.speaker else None, "verb": c.verb,
            "start": c.start, "end": c.end, "text": c.text, "record": _jsonable(c)}


def _mention(d: dict | None) -> ActorMention | None:
    return ActorMention(**d) if d else None


def event_from_record(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["actors"] = [ActorMention(**m) for m in d["actors"]]
    d["recipients"] = [ActorMention(**m) for m in d["recipients"]]
    d["source_actor"] = _mention(d.get("source_actor"))
    d["date"] = TimeExpression(**d["date"]) if d.get("date") else None
    d["place"] = Place(**d["place"]) if d.get("place") else None
    return Event(**d)


def claim_from_record(d: dict[str, Any]) -> Claim:
    d = dict(d)
    d["speaker"] = _mention(d.get("speaker"))
    d["amounts"] = [Amount(**a) for a in d["amounts"]]
    return Claim(**d)
