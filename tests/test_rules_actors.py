"""Who an event is by and towards when the sentence leaves it to the story: definite event
nouns, and the story's main country.

Each sentence is our own and none of them is in the gold sets: the rules must generalise.
"""

from __future__ import annotations

import pytest
from coded import countries as _countries


def _last(coded, plover):
    found = [e for e in coded.events if e.plover == plover]
    assert found, [(e.plover, e.rule, [a.code for a in e.actors]) for e in coded.events]
    return found[-1]


@pytest.mark.parametrize("text, plover, actor, recipient", [
    # "the X" refers to the event reported with the same noun, not the latest of its kind
    (("Russia imposed tariffs on Kazakhstan on Monday. Kazakhstan imposed sanctions on two "
     "Russian banks on Tuesday. China criticised the tariffs."), "ACCUSE", "CHN", "RUS"),
    (("Israel carried out air strikes on Hezbollah positions in Lebanon on Sunday. Hezbollah "
     "fighters fired rockets at northern Israel hours later. Lebanon's prime minister condemned "
     "the strikes."), "ACCUSE", "LBN", "ISR"),
    # a passive subject that names an act refers back to it, and its author is the recipient
    (("The International Criminal Court issued an arrest warrant for Vladimir Putin in March. "
     "Russia rejected the charges. The warrant was welcomed by Ukraine's foreign minister."),
     "SUPPORT", "UKR", "IGO"),
    (("Israel carried out air strikes on Hezbollah positions in Lebanon on Sunday. Hezbollah "
     "fighters fired rockets at northern Israel hours later. The strikes were condemned by "
     "Lebanon's prime minister."), "ACCUSE", "LBN", "ISR"),
    # an act welcomed is supported, not a visitor received
    (("The International Criminal Court issued arrest warrants for two Libyan commanders on "
     "Tuesday. Libya rejected the charges. Amnesty International welcomed the warrants."),
     "SUPPORT", "NGO", "IGO"),
])
def test_a_definite_event_noun_refers_to_its_event(code_text, text, plover, actor, recipient):
    event = _last(code_text(text, "2025-03-05"), plover)
    assert _countries(event.actors) == [actor]
    assert _countries(event.recipients) == [recipient]


@pytest.mark.parametrize("text, actor, recipient", [
    (("The United Nations has asked for restraint. If Ankara were to pull its forces out of "
     "Syria, Kurdish groups would gain ground."), "TUR", "SYR"),
    (("The European Union has asked for restraint. Moscow would pull its troops out of Georgia "
     "only after a deal, officials said."), "RUS", "GEO"),
])
def test_a_possessive_in_the_object_is_the_subject(code_text, text, actor, recipient):
    """'Ankara pulled its forces out': the forces are Ankara's own, not a party named before,
    so they are no recipient."""
    coded = code_text(text, "2025-03-05")
    event = next(e for e in coded.events if e.trigger.startswith("pull"))
    assert _countries(event.actors) == [actor]
    assert _countries(event.recipients) == [recipient]


@pytest.mark.parametrize("text, recipient", [
    ("Kenya revoked the licences of three oil companies on Tuesday.", "KENBUS"),
    (("Prosecutors in Turkey opened an investigation into two construction firms after the "
     "earthquake."), "TURBUS"),
])
def test_companies_acted_on_without_a_country_are_at_home(code_text, text, recipient):
    """What is acted on includes the owner of the object ('the licences of companies') and
    what is looked into; companies named without a country are the actor's own."""
    coded = code_text(text, "2025-03-05")
    assert [r.code for e in coded.events for r in e.recipients] == [recipient]
