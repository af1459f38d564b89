"""Event coding on real sentences: argument structure, modes, nominal events, captions."""

from __future__ import annotations

import pytest


def _one(coded, plover):
    found = [e for e in coded.events if e.plover == plover]
    assert found, [(e.plover, e.rule) for e in coded.events]
    return found[0]


def _codes(mentions):
    return sorted(m.country for m in mentions)


def test_active_voice_with_prepositional_target(code_text):
    coded = code_text("Secretary of State Marco Rubio held talks with Russian Foreign Minister "
                      "Sergei Lavrov in Riyadh on Tuesday.", "2025-02-20")
    e = _one(coded, "CONSULT")
    assert _codes(e.actors) == ["USA"] and _codes(e.recipients) == ["RUS"]
    assert e.date.value == "2025-02-18" and e.date.granularity == "day"
    assert e.place.country == "SAU"
    assert e.rule.startswith("hold+")


def test_passive_voice_swaps_actor_and_recipient(code_text):
    coded = code_text("Rosneft and Lukoil were sanctioned by the U.S. Treasury on Wednesday.",
                      "2025-10-23")
    e = _one(coded, "SANCTION")
    assert _codes(e.actors) == ["USA"]
    assert sorted(r.name for r in e.recipients) == ["Lukoil", "Rosneft"]


def test_compound_subjects_become_actor_lists(code_text):
    coded = code_text("Britain and the European Union imposed new sanctions on Russia on Monday.",
                      "2025-05-21")
    e = _one(coded, "SANCTION")
    assert _codes(e.actors) == ["EUR", "GBR"] and _codes(e.recipients) == ["RUS"]


def test_apposition_names_the_actor(code_text):
    coded = code_text("The Kremlin's envoy, Kirill Dmitriev, met Steve Witkoff in Washington.",
                      "2025-04-04")
    e = _one(coded, "CONSULT")
    assert {m.name for m in e.actors + e.recipients} >= {"Kirill Dmitriev", "Steve Witkoff"}


def test_reporting_verb_codes_the_reported_event_and_keeps_the_source(code_text):
    coded = code_text("Ukrainian officials said Russia attacked Kharkiv with drones overnight.",
                      "2025-03-19")
    e = _one(coded, "ASSAULT")
    assert _codes(e.actors) == ["RUS"] and _codes(e.recipients) == ["UKR"]
    assert e.source_actor is not None and e.source_actor.country == "UKR"


def test_negation_is_a_mode(code_text):
    coded = code_text("Russia did not attack Ukraine's power grid on Friday.", "2025-03-22")
    assert "negation" in _one(coded, "ASSAULT").modes


def test_a_denial_negates_the_denied_event(code_text):
    coded = code_text("Exxon later denied that it had plans to return to Russia.", "2025-12-10")
    e = _one(coded, "COOPERATE")
    assert "negation" in e.modes and _codes(e.actors) == ["USA"]


def test_conditional_offer_is_hypothetical_agree_by_the_speaker(code_text):
    coded = code_text("U.S. special envoy Steve Witkoff stated that if a ceasefire is reached, "
                      "Russia would be able to have American companies come back and do "
                      "business.", "2025-03-05")
    e = _one(coded, "AGREE")
    assert "hypothetical" in e.modes
    assert _codes(e.actors) == ["USA"] and "RUS" in _codes(e.recipients)


def test_future_cooperation_is_agree_with_future_mode(code_text):
    coded = code_text("Putin will meet Trump in Budapest next month.", "2025-10-17")
    e = _one(coded, "AGREE")
    assert e.cameo.startswith("036") and "future" in e.modes


def test_historical_events_are_marked(code_text):
    coded = code_text("In 2014, Russia annexed Crimea.", "2025-06-01")
    e = _one(coded, "COERCE")
    assert "historical" in e.modes and e.date.value == "2014"


def test_nominal_event_with_date_and_place(code_text):
    coded = code_text("The August Trump-Putin summit in Alaska also failed to produce results.",
                      "2025-12-10")
    e = _one(coded, "CONSULT")
    assert _codes(e.actors + e.recipients) == ["RUS", "USA"]
    assert e.place.country == "USA"


def test_opinion_sentences_yield_no_events(code_text):
    coded = code_text("Talking business with Russia misses the point entirely. Commercial "
                      "interests, rather than military concerns, are driving the United "
                      "States' talks with Russia.", "2025-12-10")
    assert coded.events == []


def test_photo_caption_without_a_verb_is_a_visit(code_text):
    coded = code_text("U.S. Special Envoy Steve Witkoff (R) and U.S. President Donald Trump's "
                      "son-in-law Jared Kushner (L), accompanied by Kremlin economic envoy "
                      "Kirill Dmitriev (C), in Moscow, Russia on Dec. 2, 2025.", "2025-12-10")
    e = _one(coded, "CONSULT")
    assert "visit" in e.modes and e.date.value == "2025-12-02"
    assert _codes(e.actors) == ["USA", "USA"] and _codes(e.recipients) == ["RUS"]
    assert {a.sector for a in e.actors} == {"GOV", "BUS"}


def test_a_phrasal_verb_is_not_its_bare_verb(code_text):
    coded = code_text("Zelensky left the White House early, and a planned signing was called "
                      "off.", "2025-03-04")
    assert not [e for e in coded.events if e.cameo == "041"]


def test_call_with_a_judgement_is_not_a_phone_call(code_text):
    coded = code_text("Lavrov called the conversation useful.", "2025-02-19")
    assert not [e for e in coded.events if e.plover == "CONSULT"]


def test_events_carry_provenance(code_text):
    text = "Iran fired missiles at Israel on Saturday."
    coded = code_text(text, "2024-04-15")
    e = _one(coded, "ASSAULT")
    assert text[e.start:e.end] == e.sentence and e.trigger.startswith("fired")
    assert text[e.trigger_start:e.trigger_end] == "fired"
    assert e.rule and e.explanation and all(m.rule for m in e.actors + e.recipients)
    assert e.date.rule and e.quad_class == 4 and e.goldstein < 0


@pytest.mark.parametrize("sentence,plover", [
    ("China praised Pakistan for its restraint.", "SUPPORT"),
    ("Germany sent tanks to Ukraine.", "AID"),
    ("Russia deployed troops near the Ukrainian border.", "MOBILIZE"),
    ("Japan pledged aid to the Philippines.", "AGREE"),
    ("Iran rejected the American proposal.", "REJECT"),
    ("Israeli forces arrested dozens of Palestinians.", "COERCE"),
    ("France urged Israel to halt the offensive.", "REQUEST"),
    ("India accused Pakistan of sheltering militants.", "ACCUSE"),
    ("North Korea threatened South Korea with retaliation.", "THREATEN"),
    ("Russia released two American prisoners.", "RETREAT"),
])
def test_each_type_codes_a_plain_sentence(code_text, sentence, plover):
    coded = code_text(sentence, "2025-03-05")
    assert plover in [e.plover for e in coded.events], sentence


def test_a_referred_event_names_its_actor_as_target(code_text):
    coded = code_text("Iran fired missiles at Israel on Saturday. Jordan condemned the attack "
                      "on Sunday.", "2024-04-15")
    accuse = _one(coded, "ACCUSE")
    assert _codes(accuse.actors) == ["JOR"] and _codes(accuse.recipients) == ["IRN"]
    assert accuse.recipients[0].rule.startswith("coref:event:")


def test_a_conditional_attack_announced_by_a_speaker_is_a_threat(code_text):
    coded = code_text("Prime Minister Shehbaz Sharif said Pakistan would attack India if the "
                      "strikes continued.", "2025-05-08")
    threat = _one(coded, "THREATEN")
    assert _codes(threat.actors) == ["PAK"] and _codes(threat.recipients) == ["IND"]
    assert "hypothetical" in threat.modes


def test_would_in_reported_speech_is_future(code_text):
    coded = code_text("Sergei Lavrov said Russia would sign the agreement with Ukraine.",
                      "2025-05-08")
    agree = _one(coded, "AGREE")
    assert agree.modes == ["future"] and _codes(agree.recipients) == ["UKR"]


@pytest.mark.parametrize("sentence", [
    "Will Russia attack Ukraine again this winter?",
    "Europe should impose new sanctions on Russia.",
    "Washington must stop arming Israel.",
])
def test_questions_and_opinions_are_not_events(code_text, sentence):
    assert code_text(sentence, "2025-03-05").events == []


def test_a_reported_must_is_still_the_speakers(code_text):
    coded = code_text("Macron said Europe must impose new sanctions on Russia.", "2025-03-05")
    assert coded.events  # reported speech: coded, with the speaker as source
