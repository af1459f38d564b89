"""Readers of coded articles shared by the rule tests: events of a type, their countries."""

from __future__ import annotations


def events_of(coded, plover):
    return [e for e in coded.events if e.plover == plover]


def countries(mentions):
    return sorted({m.country for m in mentions})


def pairs(coded, plover):
    """(actor countries, recipient countries) of each event of a type."""
    return [(countries(e.actors), countries(e.recipients)) for e in events_of(coded, plover)]
