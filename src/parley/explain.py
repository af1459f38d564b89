"""``parley explain``: how one event was coded, step by step."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from parley.models import ActorMention, Event
from parley.nlp import load_nlp


def _who(mentions: list[ActorMention]) -> str:
    return "; ".join(f"{m.text!r} -> {m.code} ({m.name or '-'}, {m.office or '-'}) by {m.rule}"
                     for m in mentions) or "-"


def parse_lines(sentence: str, trigger: str) -> list[str]:
    """The dependency parse around the trigger: its head, and its children."""
    doc = load_nlp()(sentence)
    lines = []
    word = trigger.split(" … ")[0]
    for token in doc:
        if token.text == word:
            lines.append(f"{token.text} [{token.pos_}, {token.dep_}] <- head {token.head.text}")
            for child in token.children:
                subtree = " ".join(t.text for t in child.subtree)
                lines.append(f"  {child.dep_:>10}: {subtree}")
            break
    return lines


def explain_event(event: Event) -> Group:
    sentence = Text(event.sentence)
    if event.trigger_start is not None:
        offset = event.trigger_start - event.start
        sentence.stylize("bold yellow", offset, offset + (event.trigger_end - event.trigger_start))
    date = (f"{event.date.value} ({event.date.granularity}) from {event.date.text!r} by "
            f"{event.date.rule}" if event.date else "no date expression")
    place = (f"{event.place.name}, {event.place.country} ({event.place.lat}, {event.place.lon}) "
             f"from {event.place.text!r} by {event.place.rule}" if event.place else "no place")
    facts = "\n".join([
        (f"event: {event.plover} (CAMEO {event.cameo}, quad {event.quad_class}, "
        f"Goldstein {event.goldstein}), modes {event.modes or '-'}"),
        f"rule: {event.rule}   confidence: {event.confidence}",
        f"actor: {_who(event.actors)}",
        f"recipient: {_who(event.recipients)}",
        f"reported by: {_who([event.source_actor]) if event.source_actor else '-'}",
        f"date: {date}", f"place: {place}",
        (f"evidence: article {event.article_id}, sentence {event.sentence_index}, "
        f"characters {event.start}-{event.end}"),
    ])
    steps = "\n".join(f"- {step}" for step in event.explanation)
    parse = "\n".join(parse_lines(event.sentence, event.trigger))
    return Group(Panel(sentence, title=event.id), facts, Panel(steps, title="how"),
                 Panel(parse or "-", title="parse around the trigger"))
