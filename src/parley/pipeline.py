"""The coding pipeline: parsed articles in, sentences, actors, events and claims out.

``Pipeline.code`` runs spaCy's ``nlp.pipe`` over a batch of articles, then reads each
document in order so that in-document coreference sees what came before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from parley import __version__
from parley.actors import (
    ENTITY_LABELS,
    ActorBase,
    DocumentActors,
    default_actor_base,
    normalise,
)
from parley.claims import ClaimFinder
from parley.codebook import CameoTable, VerbDictionary, default_cameo_table
from parley.dates import narrative_year, resolve_date
from parley.events import EventCoder, SentenceContext
from parley.ingest import content_hash
from parley.models import ActorMention, Article, Claim, Event, Place, Sentence, TimeExpression
from parley.nlp import load_nlp, sentence_entities
from parley.places import Gazetteer, default_gazetteer

CODER_VERSION = f"parley-{__version__}"


@dataclass
class CodedArticle:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


class Pipeline:
    """Everything needed to code text, loaded once and reused for every batch."""

    def __init__(self, nlp: Language | None = None, actors: ActorBase | None = None,
                 verbs: VerbDictionary | None = None, cameo: CameoTable | None = None,
                 gazetteer: Gazetteer | None = None):
        self.nlp = nlp or load_nlp()
        self.actors = actors or default_actor_base()
        self.verbs = verbs or VerbDictionary.load()
        self.coder = EventCoder(self.verbs, cameo or default_cameo_table())
        self.gazetteer = gazetteer or default_gazetteer()
        self.claims = ClaimFinder(self.verbs.reporting)

    def code(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[CodedArticle]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.code_doc(doc, article)

    def code_doc(self, doc: Doc, article: Article, text_before: str = "") -> CodedArticle:
        """Code one parsed article. ``text_before`` is context that precedes ``doc``
        (used by ``parley eval`` for the year of "On March 10")."""
        published = date.fromisoformat(article.published) if article.published else None
        countries = self._countries_in(doc)
        doc_actors = DocumentActors(self.actors, article.published, lambda name: (
            getattr(self.gazetteer.resolve(name, context_countries=countries), "country",
                    None)))
        result = CodedArticle(article)
        for index, sent in enumerate(doc.sents):
            result.sentences.append(Sentence(article.id, index, sent.start_char, sent.end_char,
                                             sent.text))
            ctx = SentenceContext(
                article_id=article.id, index=index, published=published, actors=doc_actors,
                resolve_date=self._date_resolver(article.text, sent, published, text_before),
                resolve_place=lambda text, start, end: self._place(text, start, end, countries),
                previous=result.events)
            mentions = self._mentions(sent, index, article.id, doc_actors)
            for mention in mentions:
                doc_actors.remember(mention)
            events = self.coder.code_sentence(sent, ctx)
            for event in events:
                doc_actors.remember_event(event.actors, event.recipients)
            result.events.extend(events)
            result.mentions.extend(mentions)
            result.claims.extend(self.claims.find(sent, ctx))
        for event in result.events:
            self._redate_roles(event)
        return result

    def _mentions(self, sent: Span, index: int, article_id: str,
                  doc_actors: DocumentActors) -> list[ActorMention]:
        found = []
        for ent in sentence_entities(sent):
            if ent.label_ in {"LOC", "FAC"}:  # a person NER read as a place ("al-Sharaa")
                mention = doc_actors.resolve_token(ent.root, as_argument=False)
                if mention and mention.kind == "person":
                    found.append(mention)
                continue
            if ent.label_ not in ENTITY_LABELS:
                continue
            if ent.label_ == "GPE" and self.actors.capital_country(ent.text):
                continue  # a capital named outside an argument slot is a place
            listed = doc_actors.listed_countries(ent) if "," in ent.text else []
            if len(listed) > 1:  # NER glued "Mali, Burkina Faso" into one name
                found += listed
                continue
            mention = doc_actors.resolve_token(ent.root, as_argument=False)
            if mention is None and ent.label_ == "NORP":  # "French farmers": the story's country
                mention = doc_actors.country_word(ent.root)
            if mention:
                found.append(mention)
        for token in sent:  # names the NER model missed ("Rubio and Lavrov ...")
            if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ != "compound":
                mention = doc_actors.resolve_word(token)
                if mention:
                    found.append(mention)
        for token in sent:  # plural agents as subjects ("Ukrainian troops"), whom a
            # later 'they' names
            if token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ == "NNS":
                mention = doc_actors.resolve_token(token, as_argument=False)
                if mention and mention.kind in {"agent", "org"}:
                    found.append(mention)
        for mention in found:
            mention.article_id, mention.sentence_index = article_id, index
        return found

    def _countries_in(self, doc: Doc) -> frozenset[str]:
        return frozenset(c for ent in doc.ents if ent.label_ in {"GPE", "NORP"}
                         for c in [self.actors.country_of(ent.text)] if c)

    def _place(self, text: str, start: int, end: int, countries: frozenset[str]
               ) -> Place | None:
        place = self.gazetteer.resolve(text, context_countries=countries) if text else None
        if place:
            place.text, place.start, place.end = text, start, end
        return place

    def _date_resolver(self, doc_text: str, sent: Span, published: date | None,
                       text_before: str):
        def resolver(text: str, start: int, end: int) -> TimeExpression | None:
            if published is None:
                return None
            hint = narrative_year(text_before + doc_text[:sent.start_char], published)
            found = resolve_date(text, published, year_hint=hint)
            if found:
                found.start, found.end = start, end
            return found
        return resolver

    def _redate_roles(self, event: Event) -> None:
        """Roles are resolved on the event's own date when the text gives one, so an
        event of 2024 reported in 2025 codes its actors with their 2024 offices."""
        when = event.date
        if not when or when.granularity not in {"day", "month", "year"}:
            return
        day = when.value if len(when.value) == 10 else (when.value + "-01-01")[:10]
        for mention in event.actors + event.recipients:
            if mention.name and mention.rule.startswith(("actor:", "coref:")):
                entry = next((e for e in self.actors.by_alias.get(
                    normalise(mention.name), []) if e.name == mention.name), None)
                if entry:
                    fresh = self.actors.mention_for(entry, mention.text, day, mention.rule)
                    mention.code, mention.sector, mention.office = (
                        fresh.code, fresh.sector, fresh.office)


def article_from_text(text: str, *, article_id: str = "stdin", published: str | None = None,
                      title: str | None = None) -> Article:
    """An in-memory article, for coding text that was never ingested."""
    return Article(id=article_id, text=text, published=published, title=title,
                   content_hash=content_hash(text))
