"""Speech acts: accusations, threats and refusals expressed by evaluation or reported speech.

Each sentence is our own and none of them is in the gold sets: the rules must generalise.
"""

from __future__ import annotations

import pytest
from coded import countries as _countries
from coded import events_of as _events
from coded import pairs as _pairs


@pytest.mark.parametrize("text, actor, recipient", [
    ("Ethiopia's foreign ministry called Egypt a hostile power on Monday.", "ETH", "EGY"),
    ("The Serbian president described Kosovo's prime minister as a terrorist.", "SRB", "XKX"),
    ("Venezuela's foreign minister said the Guyanese government was illegitimate.",
     "VEN", "GUY"),
    ("Beijing designated Lithuania an unfriendly and hostile state.", "CHN", "LTU"),
])
def test_a_condemning_word_given_to_a_party_accuses_it(code_text, actor, recipient, text):
    coded = code_text(text, "2024-06-03")
    assert ([actor], [recipient]) in _pairs(coded, "ACCUSE")


def test_a_condemning_word_given_to_an_act_accuses_who_carried_it_out(code_text):
    coded = code_text("Israeli jets bombed a convoy near Homs on Sunday. Syria's defence minister "
                      "called the raid an act of aggression.", "2024-06-03")
    assert (["SYR"], ["ISR"]) in _pairs(coded, "ACCUSE")


@pytest.mark.parametrize("text", [
    "The Serbian president described Kosovo's prime minister as a friend.",
    "Venezuela's foreign minister said the situation was illegal.",
    "Venezuela's foreign minister said the Guyanese government was not illegitimate.",
    "Ethiopia's foreign ministry called Egypt on Monday.",
])
def test_no_accusation_without_a_condemning_word_and_a_party(code_text, text):
    assert not _events(code_text(text, "2024-06-03"), "ACCUSE")


def test_the_strikes_are_the_strikes_named_before(code_text):
    coded = code_text("Turkey launched air strikes on Kurdish positions in northern Iraq on "
                      "Monday. Iraqi officials said 12 soldiers of theirs were killed when "
                      "Iranian artillery shelled a border post. Baghdad called the strikes a "
                      "violation of its sovereignty.", "2024-06-03")
    assert (["IRQ"], ["TUR"]) in _pairs(coded, "ACCUSE")


def test_an_extraposed_it_is_no_party(code_text):
    coded = code_text("Egypt's foreign minister said it was unacceptable for Ethiopia to fill the "
                      "dam without an agreement.", "2024-06-03")
    assert not _events(coded, "ACCUSE")


def test_called_x_a_y_on_a_day_is_no_call_on(code_text):
    coded = code_text("Ethiopia's foreign ministry called Egypt a hostile power on Monday.",
                      "2024-06-03")
    assert not _events(coded, "REQUEST")


@pytest.mark.parametrize("text, actor", [
    ("Hungary's prime minister said Budapest would not bow to pressure from Brussels.",
     "HUN"),
    ("Colombia's president said Bogota would never accept interference in its elections.",
     "COL"),
    ("Italy said it will not meet the new spending target this year.", "ITA"),
])
def test_a_stated_refusal_to_yield_is_reject(code_text, text, actor):
    coded = code_text(text, "2024-06-03")
    assert actor in [c for e in _events(coded, "REJECT") for c in _countries(e.actors)]
    assert not _events(coded, "CONCEDE")


def test_yielding_to_pressure_is_a_concession(code_text):
    coded = code_text("The Serbian government bowed to pressure from Brussels and scrapped the "
                      "law.", "2024-06-03")
    assert _events(coded, "CONCEDE")


@pytest.mark.parametrize("text, speaker, strikes", [
    (("Turkish jets bombed Kurdish militia positions in northern Iraq on Monday. Turkey's "
      "defence minister said such strikes would continue."), "TUR", "IRQ"),
    (("Israeli jets bombed Hezbollah positions in southern Lebanon on Monday. Israel's "
      "defence minister warned that the strikes would continue."), "ISR", "LBN"),
])
def test_a_speaker_announcing_that_his_sides_strikes_go_on_threatens(code_text, text,
                                                                     speaker, strikes):
    coded = code_text(text, "2024-06-03")
    assert ([speaker], [strikes]) in _pairs(coded, "THREATEN")


@pytest.mark.parametrize("text, threatened", [
    ("Russia warned that Finland would pay a heavy price if it joined the alliance.", "FIN"),
    ("Washington threatened Caracas with new sanctions if it expelled the ambassador.", "VEN"),
])
def test_the_condition_of_a_threat_is_not_an_event(code_text, text, threatened):
    coded = code_text(text, "2024-06-03")
    assert threatened in [c for e in _events(coded, "THREATEN") for c in _countries(e.recipients)]
    assert all(threatened not in _countries(e.actors) for e in coded.events)


def test_a_forecast_under_a_warning_keeps_its_condition(code_text):
    coded = code_text("A UN envoy warned that if Sudanese troops attacked the camp, the famine "
                      "would worsen.", "2024-06-03")
    assert "hypothetical" in [m for e in _events(coded, "ASSAULT") for m in e.modes]


@pytest.mark.parametrize("text, asker, asked", [
    ("The Kenyan navy escorted the tanker at Somalia's request.", "SOM", "KEN"),
    ("Russian troops withdrew from the village at the request of Turkey.", "TUR", "RUS"),
])
def test_at_a_partys_request_the_party_asked_the_actor(code_text, text, asker, asked):
    coded = code_text(text, "2024-06-03")
    assert ([asker], [asked]) in _pairs(coded, "REQUEST")


@pytest.mark.parametrize("text, plover, actor, recipient", [
    ("Britain said it would not join any American strike on Iran.", "REJECT", "GBR", "USA"),
    ("France said it would join the Saudi-led campaign in Yemen.", "AGREE", "FRA", "SAU"),
])
def test_joining_a_partys_military_operation_cooperates_with_it(code_text, text, plover,
                                                               actor, recipient):
    coded = code_text(text, "2024-06-03")
    assert any(a == [actor] and recipient in r for a, r in _pairs(coded, plover))


def test_a_military_operation_joined_is_the_joiners_own_force(code_text):
    coded = code_text("French jets bombed rebel depots near Sanaa, joining the Saudi-led "
                      "campaign in Yemen.", "2024-06-03")
    assert not _events(coded, "COOPERATE")


def test_a_judgement_of_any_such_act_accuses_no_one(code_text):
    coded = code_text("Turkish jets bombed Kurdish positions in Syria on Monday. A Pentagon "
                      "spokesman said any such strike would be unacceptable.", "2024-06-03")
    assert not _events(coded, "ACCUSE")


@pytest.mark.parametrize("text, speaker, target", [
    (("Israeli jets bombed an Iranian convoy near Damascus on Monday. Tehran said the attack "
      "would not go unanswered."), "IRN", "ISR"),
    (("Ukrainian drones struck an oil depot in Belgorod overnight. The Kremlin warned that the "
      "strike would not go unpunished."), "RUS", "UKR"),
])
def test_an_act_that_will_not_go_unanswered_is_threatened(code_text, text, speaker, target):
    coded = code_text(text, "2024-06-03")
    threats = [e for e in _events(coded, "THREATEN") if _countries(e.actors) == [speaker]]
    assert threats and _countries(threats[0].recipients) == [target]
    assert "negation" not in threats[0].modes
