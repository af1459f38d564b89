"""Source comparison: how two outlets report the stories both of them cover.

For each shared story: the evidence each outlet gives, the actors each names or omits and
the claims each carries (claims within ``CLAIM_REACH`` sentences of the outlet's evidence
whose speaker belongs to one of the story's countries, matched across outlets by speaker
and amounts). Beside them, each
outlet's framing index and mean VADER tone (a weak signal) over its covering articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.framing import UNKNOWN_OUTLET, Framing, Lexicon, frame, load_sentences, tag_sentences
from parley.models import Article, Claim, ParleyError
from parley.store import Store
from parley.stories import Evidence, Story, build_stories

CLAIM_REACH = 3


@dataclass
class StoryComparison:
    """One shared story as each outlet reports it."""

    story_id: str
    date: str
    type: str
    dyad: str
    evidence_a: list[Evidence]
    evidence_b: list[Evidence]
    actors_both: list[str]
    actors_only_a: list[str]
    actors_only_b: list[str]
    claims_both: list[str]
    claims_only_a: list[str]
    claims_only_b: list[str]


@dataclass
class Comparison:
    outlet_a: str
    outlet_b: str
    stories_only_a: list[str]
    stories_only_b: list[str]
    shared: list[StoryComparison]
    framing_a: Framing | None
    framing_b: Framing | None


def outlet_of(article: Article) -> str:
    return article.outlet or UNKNOWN_OUTLET


def compare(store: Store, outlet_a: str, outlet_b: str, story_id: str | None = None, *,
            stories: list[Story] | None = None) -> Comparison:
    """Compare two outlets on the stories both cover (or on one story, ``story_id``)."""
    articles = list(store.articles())
    outlets = sorted({outlet_of(a) for a in articles})
    a, b = (_known_outlet(o, outlets) for o in (outlet_a, outlet_b))
    if a == b:
        raise ParleyError(f"--outlet {outlet_a} given twice: compare two different outlets")
    if stories is None:
        stories = build_stories(store.events(), articles)
    covering = {o: [s for s in stories if o in s.outlets] for o in (a, b)}
    shared = [s for s in covering[a] if b in s.outlets]
    if story_id is not None:
        shared = [s for s in shared if s.id == story_id]
        if not shared:
            raise ParleyError(f"--story {story_id}: no story covered by both {a} and {b}")
    outlet_by_article = {x.id: outlet_of(x) for x in articles}
    claims = store.claims()
    details = [_compare_story(s, a, b, outlet_by_article, claims) for s in shared]
    article_ids = {ev.article_id for s in shared for ev in s.evidence
                   if outlet_by_article.get(ev.article_id) in (a, b)}
    framings = _framings(store, [x for x in articles if x.id in article_ids])
    return Comparison(
        outlet_a=a, outlet_b=b,
        stories_only_a=[] if story_id else [s.id for s in covering[a] if b not in s.outlets],
        stories_only_b=[] if story_id else [s.id for s in covering[b] if a not in s.outlets],
        shared=details, framing_a=framings.get(a), framing_b=framings.get(b))


def _known_outlet(name: str, outlets: list[str]) -> str:
    for outlet in outlets:
        if outlet.lower() == name.strip().lower():
            return outlet
    raise ParleyError(f"--outlet {name}: no such outlet (known: {', '.join(outlets)})")


def _compare_story(story: Story, a: str, b: str, outlet_by_article: dict[str, str],
                   claims: list[Claim]) -> StoryComparison:
    sides = {}
    for outlet in (a, b):
        evidence = [ev for ev in story.evidence if outlet_by_article.get(ev.article_id) == outlet]
        ids = {ev.event_id for ev in evidence}
        actors = {m.name or m.code or m.text for e in story.events if e.id in ids
                  for m in [*e.actors, *e.recipients]}
        anchors = [(e.article_id, e.sentence_index) for e in story.events if e.id in ids]
        found = {_claim_key(c): _claim_label(c) for c in claims
                 if c.speaker and c.speaker.country in story.countries
                 and any(c.article_id == art and abs(c.sentence_index - idx) <= CLAIM_REACH
                         for art, idx in anchors)}
        sides[outlet] = (evidence, actors, found)
    (ev_a, actors_a, claims_a), (ev_b, actors_b, claims_b) = sides[a], sides[b]
    return StoryComparison(
        story_id=story.id, date=story.date, type=story.type, dyad=story.dyad,
        evidence_a=ev_a, evidence_b=ev_b, actors_both=sorted(actors_a & actors_b),
        actors_only_a=sorted(actors_a - actors_b), actors_only_b=sorted(actors_b - actors_a),
        claims_both=sorted(claims_a[k] for k in claims_a.keys() & claims_b.keys()),
        claims_only_a=sorted(claims_a[k] for k in claims_a.keys() - claims_b.keys()),
        claims_only_b=sorted(claims_b[k] for k in claims_b.keys() - claims_a.keys()))


def _claim_key(claim: Claim) -> tuple:
    """Same speaker and same amounts: the same claim, whichever outlet carries it."""
    speaker = claim.speaker.name or claim.speaker.code if claim.speaker else None
    return speaker, tuple(sorted((x.kind, x.value, x.currency) for x in claim.amounts))


def _claim_label(claim: Claim) -> str:
    speaker = (claim.speaker.name or claim.speaker.text) if claim.speaker else "(article)"
    return f"{speaker} {claim.verb}: {' '.join(claim.text.split())}"


def _framings(store: Store, articles: list[Article]) -> dict[str, Framing]:
    ids = {x.id for x in articles}
    frames = tag_sentences([s for s in load_sentences(store) if s.article_id in ids],
                           Lexicon.load())
    return {f.key: f for f in frame(frames, articles, "outlet")}


def comparison_rows(c: Comparison) -> list[dict]:
    """One row per shared story: what each outlet reports and the other omits."""
    def joined(items: list[str]) -> str:
        return "; ".join(items)

    return [{"story": s.story_id, "date": s.date, "type": s.type, "dyad": s.dyad,
             f"events {c.outlet_a}": len(s.evidence_a), f"events {c.outlet_b}": len(s.evidence_b),
             "actors both": joined(s.actors_both),
             f"actors only {c.outlet_a}": joined(s.actors_only_a),
             f"actors only {c.outlet_b}": joined(s.actors_only_b),
             "claims both": joined(s.claims_both),
             f"claims only {c.outlet_a}": joined(s.claims_only_a),
             f"claims only {c.outlet_b}": joined(s.claims_only_b)} for s in c.shared]


def framing_side_by_side(c: Comparison) -> list[dict]:
    """Framing index and tone of each outlet over its articles covering the shared stories."""
    def value(f: Framing | None, name: str) -> float | None:
        x = getattr(f, name) if f else None
        return None if x is None else round(x, 3)

    return [{"outlet": o, "articles": f.articles if f else 0,
             "framing_index": value(f, "index"), "tone_vader_weak": value(f, "tone"),
             "stories_shared": len(c.shared),
             "stories_only_this_outlet": len(only)}
            for o, f, only in ((c.outlet_a, c.framing_a, c.stories_only_a),
                               (c.outlet_b, c.framing_b, c.stories_only_b))]


def comparison_record(c: Comparison) -> dict:
    """The whole comparison for JSON output."""
    return {"outlet_a": c.outlet_a, "outlet_b": c.outlet_b,
            "framing": framing_side_by_side(c), "stories_only_a": c.stories_only_a,
            "stories_only_b": c.stories_only_b,
            "shared": [{**{k: v for k, v in vars(s).items()
                           if not k.startswith("evidence")},
                        "evidence_a": [vars(e) for e in s.evidence_a],
                        "evidence_b": [vars(e) for e in s.evidence_b]} for s in c.shared]}
