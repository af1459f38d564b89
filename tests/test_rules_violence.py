"""Force whose agent is implicit, whose act is a noun or a participle, and clauses that
only set the scene of a use of force.

Each sentence is our own and none of them is in the gold sets: the rules must generalise.
"""

from __future__ import annotations

import pytest
from coded import countries as _countries
from coded import events_of as _events
from coded import pairs as _pairs


@pytest.mark.parametrize("text, actor", [
    (("Witnesses described Russian soldiers going from house to house in Bucha, shooting men "
     "and holding women for ransom."), "RUS"),
    (("The RSF stormed the town of Bara on Monday. Residents said fighters went from house to "
     "house, shooting men."), "SDN"),
])
def test_a_participle_after_a_described_agent_is_its_act(code_text, text, actor):
    coded = code_text(text, "2025-06-01")
    shootings = [e for e in _events(coded, "ASSAULT") if e.rule.startswith("shoot")]
    assert shootings and _countries(shootings[0].actors) == [actor]


def test_holding_people_for_ransom_is_an_abduction(code_text):
    coded = code_text("Witnesses described Russian soldiers going from house to house in Bucha, "
                      "shooting men and holding women for ransom.", "2025-06-01")
    assert any("abduct" in e.modes and _countries(e.actors) == ["RUS"]
               for e in _events(coded, "ASSAULT"))


def test_unnamed_gunmen_are_the_attackers_just_reported(code_text):
    coded = code_text("Islamic State militants attacked a village in Borno state on Friday. "
                      "Survivors said gunmen killed 12 farmers.", "2025-06-01")
    killings = [e for e in _events(coded, "ASSAULT") if e.sentence_index == 1]
    assert killings and all(m.code == "IMGREB" for m in killings[0].actors)


@pytest.mark.parametrize("text, target", [
    (("The ministry said 30 patients were killed when RSF drones struck the town's Saudi "
     "hospital in Darfur."), "SDN"),
    ("Doctors said Israeli shells hit the city's Indonesian hospital in northern Gaza.", "PSE"),
])
def test_a_place_owned_facility_is_of_that_place_not_of_its_name(code_text, text, target):
    coded = code_text(text, "2025-06-01")
    assert [r for _, r in _pairs(coded, "ASSAULT")] == [[target]]


@pytest.mark.parametrize("text, pair", [
    ("Ankara said shells were fired into Turkish territory from Syria on Sunday.",
     (["SYR"], ["TUR"])),
    ("Israel said rockets were fired into northern Israel from Lebanon.", (["LBN"], ["ISR"])),
])
def test_agentless_fire_from_a_country_is_that_countrys(code_text, text, pair):
    assert _pairs(code_text(text, "2025-06-01"), "ASSAULT") == [pair]


@pytest.mark.parametrize("text, owner", [
    ("Poland said a Russian strike on its consulate in Lviv on Monday wounded two staff.",
     "POL"),
    ("Syria said an Israeli air strike on its embassy in Beirut on Friday killed two diplomats.",
     "SYR"),
])
def test_its_in_the_target_of_a_strike_is_not_the_attacker(code_text, text, owner):
    coded = code_text(text, "2025-06-01")
    strikes = _events(coded, "ASSAULT")  # the strike and the wounding are one act
    assert len(strikes) == 1 and _countries(strikes[0].recipients) == [owner]


@pytest.mark.parametrize("text", [
    "Hundreds of thousands have fled the region since Russian troops seized it in 2022.",
    ("Aid agencies have been unable to reach Kidal since Malian troops recaptured the town "
    "in 2023."),
])
def test_a_since_clause_under_a_perfect_is_background(code_text, text):
    assert not _events(code_text(text, "2025-06-01"), "COERCE")


def test_a_while_clause_under_a_would_is_a_condition(code_text):
    coded = code_text("Thai and Cambodian troops clashed along the border on Thursday. Trump said "
                      "Washington would not sign trade deals with either country while the "
                      "fighting continued.", "2025-07-28")
    assert not [e for e in _events(coded, "ASSAULT") if e.sentence_index == 1]
    assert _events(coded, "REJECT")


def test_days_of_fighting_with_x_frame_the_subjects_act(code_text):
    coded = code_text("Malian troops retook the town of Kidal after weeks of fighting with "
                      "Tuareg rebels.", "2025-06-01")
    assert ("MLIREB" in {m.code for e in _events(coded, "ASSAULT") for m in e.recipients})


@pytest.mark.parametrize("text, pair", [
    ("Aid groups fear that if Russian troops push into Sumy, thousands will flee.",
     (["RUS"], ["UKR"])),
    ("Ukrainian special forces blew up a Russian ammunition depot in Crimea on Tuesday.",
     (["UKR"], ["RUS"])),
])
def test_advances_and_demolitions_are_force(code_text, text, pair):
    assert _pairs(code_text(text, "2025-06-01"), "ASSAULT") == [pair]


@pytest.mark.parametrize("text, pair", [
    ("Forty villagers were taken hostage by Boko Haram fighters in Borno state on Sunday.",
     (["NGA"], ["NGA"])),
    ("Three aid workers were taken hostage by Islamic State militants near Raqqa in 2014.",
     (["IMG"], ["SYR"])),
])
def test_an_object_predicate_selects_the_pattern(code_text, text, pair):
    coded = code_text(text, "2025-06-01")
    assert [(_countries(e.actors), _countries(e.recipients)) for e in _events(coded, "ASSAULT")
            if "abduct" in e.modes] == [pair]


@pytest.mark.parametrize("text, pair", [
    ("Russian tanks rolled into the Ukrainian town of Kupiansk on Friday.", (["RUS"], ["UKR"])),
    ("Turkish troops moved into the Syrian border town of Afrin in 2018.", (["TUR"], ["SYR"])),
])
def test_forces_moving_into_a_place_seize_it(code_text, text, pair):
    assert _pairs(code_text(text, "2025-06-01"), "COERCE") == [pair]


@pytest.mark.parametrize("text", [
    ("Israeli jets struck Iranian air defences on Saturday, the first time Israel has openly "
    "attacked Iran."),
    ("Ukrainian drones hit an oil refinery near Moscow, the first time Ukraine has struck the "
    "Russian capital's region."),
])
def test_the_first_time_restates_the_act(code_text, text):
    assert len(_events(code_text(text, "2025-06-01"), "ASSAULT")) == 1


@pytest.mark.parametrize("text, sides", [
    (("Thai troops shelled Cambodian positions near the border on Monday. Artillery exchanges "
     "along the frontier killed at least nine people, officials said."), {"THA", "KHM"}),
    (("Azerbaijani forces attacked Armenian positions on Tuesday. Officials said clashes "
     "overnight had killed 12 soldiers."), {"AZE", "ARM"}),
])
def test_exchanges_with_no_side_named_are_between_the_latest_sides(code_text, text, sides):
    coded = code_text(text, "2025-06-01")
    later = [e for e in _events(coded, "ASSAULT") if e.sentence_index == 1]
    assert later and {m.country for m in later[0].actors} == sides


@pytest.mark.parametrize("text, actor", [
    ("Fighters from a Syria-based militia attacked a US base in Jordan on Sunday.", "SYRREB"),
    ("Militants from a Pakistan-based group attacked an army camp in Uri in Kashmir.", "PAKREB"),
])
def test_armed_men_from_an_x_based_group_are_of_x(code_text, text, actor):
    coded = code_text(text, "2025-06-01")
    assert [m.code for e in _events(coded, "ASSAULT") for m in e.actors] == [actor]


@pytest.mark.parametrize("text, plover", [
    ("Congo accused Rwanda of backing the rebels.", "ACCUSE"),
    ("Rwanda denied that its troops were fighting in Congo.", "ASSAULT"),
])
def test_bare_congo_is_the_drc(code_text, text, plover):
    coded = code_text(text, "2025-06-01")
    assert "COD" in {m.country for e in _events(coded, plover) for m in e.actors + e.recipients}


def test_where_targets_come_from_is_not_who_fired(code_text):
    coded = code_text("Shots were fired at migrants from Afghanistan near the border.",
                      "2025-06-01")
    assert "AFG" not in {m.country for e in _events(coded, "ASSAULT") for m in e.actors}


def test_soldiers_are_not_taken_for_the_irregulars_just_reported(code_text):
    coded = code_text("Islamic State militants attacked a village in Borno state on Friday. "
                      "Survivors said soldiers shot two men.", "2025-06-01")
    later = [e for e in _events(coded, "ASSAULT") if e.sentence_index == 1]
    assert not any(m.code == "IMGREB" for e in later for m in e.actors)
