"""Who does what in clauses without their own subject, and PLOVER's type conventions.

Each sentence is our own and none of them is in the gold sets: the rules must generalise.
"""

from __future__ import annotations

import pytest
from coded import countries as _countries
from coded import events_of as _events


def _one(coded, plover):
    found = _events(coded, plover)
    assert found, [(e.plover, e.rule, [a.code for a in e.actors]) for e in coded.events]
    return found[0]


def test_an_accused_act_is_alleged_not_coded(code_text):
    coded = code_text("The Philippine coast guard accused Chinese vessels of firing water cannon "
                      "at its supply boats near Second Thomas Shoal.", "2024-03-24")
    accusation = _one(coded, "ACCUSE")
    assert _countries(accusation.actors) == ["PHL"]
    assert _countries(accusation.recipients) == ["CHN"]
    assert not [e for e in coded.events if e.plover == "ASSAULT"]


def test_accused_of_being_acted_on_is_no_act_of_theirs(code_text):
    coded = code_text("The minister accused the activists of being paid by Moscow.", "2024-05-02")
    assert not _events(coded, "AID")


def test_by_doing_inherits_the_subject(code_text):
    coded = code_text("Canada responded by expelling two Indian diplomats on Monday.",
                      "2024-10-15")
    e = _one(coded, "SANCTION")
    assert _countries(e.actors) == ["CAN"] and _countries(e.recipients) == ["IND"]


def test_since_doing_is_background_not_an_event(code_text):
    coded = code_text("Western oil majors have lost billions since leaving the Russian market.",
                      "2025-03-05")
    assert not _events(coded, "SANCTION")


def test_object_control_the_object_does_the_infinitive(code_text):
    coded = code_text("The drone attacks prompted Lithuania to close its border with Belarus.",
                      "2025-10-27")
    e = _one(coded, "COERCE")
    assert _countries(e.actors) == ["LTU"] and _countries(e.recipients) == ["BLR"]
    assert "restrict" in e.modes


def test_a_finite_conjunct_keeps_its_own_tense(code_text):
    coded = code_text("Poland's foreign minister said the talks would go on and condemned Russia "
                      "for the strike on Kyiv.", "2025-04-25")
    e = _one(coded, "ACCUSE")
    assert _countries(e.recipients) == ["RUS"]
    assert "future" not in e.modes


def test_partitive_and_quantity_objects_are_read_through(code_text):
    coded = code_text("Israeli jets carried out dozens of air strikes on Hezbollah positions "
                      "in southern Lebanon.", "2024-09-20")
    e = _one(coded, "ASSAULT")
    assert _countries(e.actors) == ["ISR"]


def test_the_antecedent_is_the_object_of_a_relative_clause(code_text):
    coded = code_text("Exporters complained about the duties that Beijing imposed on "
                      "Australian wine in 2020.", "2023-04-11")
    e = _one(coded, "SANCTION")
    assert _countries(e.actors) == ["CHN"] and _countries(e.recipients) == ["AUS"]


def test_an_attack_abroad_targets_the_country_it_hit(code_text):
    coded = code_text("Russian missiles hit targets in the Lviv region overnight.", "2024-09-04")
    e = _one(coded, "ASSAULT")
    assert _countries(e.recipients) == ["UKR"]
    assert e.recipients[0].rule.startswith("attack-site:")


def test_crowd_control_weapons_are_assault_against_civilians(code_text):
    coded = code_text("Police in Nairobi fired tear gas and rubber bullets on Tuesday.",
                      "2024-06-25")
    e = _one(coded, "ASSAULT")
    assert "crowd-control" in e.modes and e.cameo == "175"
    assert [r.code for r in e.recipients] == ["KENCVL"]


def test_an_announced_retreat_is_concede(code_text):
    coded = code_text("The Thai government said it would lift the curfew in Bangkok next week.",
                      "2024-02-01")
    assert not _events(coded, "RETREAT")
    assert "future" in _one(coded, "CONCEDE").modes


def test_a_border_closure_is_coerce_restrict(code_text):
    coded = code_text("Finland closed its border with Russia on Thursday.", "2023-11-30")
    e = _one(coded, "COERCE")
    assert _countries(e.actors) == ["FIN"] and _countries(e.recipients) == ["RUS"]


def test_rights_groups_with_no_country_are_the_ngo_bloc(code_text):
    coded = code_text("Rights groups condemned the execution of the two men by Iran.",
                      "2024-08-08")
    e = _one(coded, "ACCUSE")
    assert [a.code for a in e.actors] == ["NGOHRI"]


def test_family_name_first_surnames_refer_back(code_text):
    coded = code_text("President Lai Ching-te spoke in Taipei on Monday. Lai's office condemned "
                      "the Chinese drills.", "2025-04-01")
    e = _one(coded, "ACCUSE")
    assert [a.code for a in e.actors] == ["TWNGOV"]


def test_officials_in_brussels_are_the_european_union(code_text):
    coded = code_text("Officials in Brussels criticised Hungary for blocking the aid package.",
                      "2024-12-12")
    e = _one(coded, "ACCUSE")
    assert _countries(e.actors) == ["EUR"]


@pytest.mark.parametrize("sentence,day,plover,codes", [
    # what is banned names who is targeted
    ("The Belarusian interior ministry banned all demonstrations in Minsk on Sunday.",
     "2020-08-16", "COERCE", ["BLRCVL"]),
    # a thing in apposition names its owner as the target
    ("Russian troops seized Avdiivka, the Ukrainian army's main bastion, on Saturday.",
     "2024-02-17", "COERCE", ["UKRMIL"]),
])
def test_the_object_names_the_target(code_text, sentence, day, plover, codes):
    e = _one(code_text(sentence, day), plover)
    assert [r.code for r in e.recipients] == codes


@pytest.mark.parametrize("sentence,day,side,country", [
    # "he" is the nearest person named, even one the actor base does not know
    (("President Emmanuel Macron spoke on Monday. Later, German diplomats met Tarek Mansour "
      "in Damascus and thanked him."), "2025-01-10", "recipients", "FRA"),
    # a person's arrest is done to them: the possessor is not the actor
    ("Washington doubled its reward for information leading to Maduro's arrest.",
     "2025-08-08", "actors", "VEN"),
])
def test_a_wrong_reading_names_no_actor(code_text, sentence, day, side, country):
    coded = code_text(sentence, day)
    assert not any(m.country == country for e in coded.events for m in getattr(e, side))


def test_a_finite_conjunct_after_an_infinitive_joins_the_governor(code_text):
    coded = code_text("India said New Delhi had allowed Sheikh Hasina to come at short notice "
                      "and had not granted her asylum.", "2024-08-06")
    e = _one(coded, "AID")
    assert _countries(e.actors) == ["IND"] and "negation" in e.modes


def test_charging_is_an_accusation_per_the_plover_manual(code_text):
    coded = code_text("Russian prosecutors charged the American journalist with espionage.",
                      "2023-04-07")
    e = _one(coded, "ACCUSE")
    assert _countries(e.actors) == ["RUS"] and "allege" in e.modes
    assert not _events(coded, "COERCE")


def test_an_event_noun_that_goes_on_is_an_event(code_text):
    coded = code_text("Polish farmers blocked roads near Warsaw on Monday to protest against "
                      "grain imports. Their union said the protests would continue.",
                      "2024-02-20")
    protests = _events(coded, "PROTEST")
    assert len(protests) == 2
    assert all(_countries(e.actors) == ["POL"] for e in protests)
    assert "future" in protests[1].modes


def test_a_vow_of_reprisal_is_a_threat_only_in_the_future(code_text):
    coded = code_text("Ottawa retaliated by imposing tariffs on American steel and said it "
                      "would respond firmly if Washington escalated.", "2025-03-05")
    threats = _events(coded, "THREATEN")
    assert len(threats) == 1 and _countries(threats[0].actors) == ["CAN"]
    assert threats[0].rule.startswith("respond")
    assert _countries(_one(coded, "SANCTION").actors) == ["CAN"]


def test_unwilling_to_yield_is_a_refusal(code_text):
    coded = code_text("Hezbollah has been unwilling to accede to the formation of a new "
                      "government in Lebanon.", "2019-01-20")
    assert _one(coded, "REJECT").cameo.startswith("12")


def test_the_leaders_of_several_countries_are_each_an_actor(code_text):
    coded = code_text("The leaders of France, Germany and Poland spoke with Trump by phone "
                      "on Sunday.", "2025-05-11")
    e = _one(coded, "CONSULT")
    assert _countries(e.actors) == ["DEU", "FRA", "POL"] and _countries(e.recipients) == ["USA"]


@pytest.mark.parametrize("sentence,day,plover,recipients", [
    # "no plans to" negates the planned act, and a stated refusal to meet is REJECT
    ("The Kremlin said Putin had no plans to meet Zelensky before a deal.", "2025-05-17",
     "REJECT", ["UKRGOV"]),
    # a pronoun subject of a passive reported clause is the reporter
    ("Georgian reporters said they had been beaten by police in Tbilisi.", "2024-12-03",
     "ASSAULT", ["GEOMED"]),
])
def test_scope_and_reference_across_clauses(code_text, sentence, day, plover, recipients):
    e = _one(code_text(sentence, day), plover)
    assert [r.code for r in e.recipients] == recipients and "future" not in e.modes


def test_a_court_appeal_is_not_a_request(code_text):
    coded = code_text("Her lawyers said they would appeal against the verdict.", "2025-09-12")
    assert not _events(coded, "REQUEST")


def test_a_warning_to_withhold_cooperation_is_a_threat(code_text):
    coded = code_text("Trump warned that Washington would not conclude trade deals with India "
                      "while the purchases continued.", "2025-08-07")
    e = _one(coded, "THREATEN")
    assert _countries(e.recipients) == ["IND"] and e.cameo == "1313"
    assert not _events(coded, "REJECT")


@pytest.mark.parametrize("sentence,day,plover,actors", [
    # a country whose name the parser splits in two coordinated names
    ("Trinidad and Tobago has voiced support for the American deployment.", "2025-09-05",
     "SUPPORT", ["TTO"]),
    # a light verb with an event noun: "made an appeal for assistance"
    ("Myanmar's junta leader made a rare appeal for international assistance on Saturday.",
     "2025-03-29", "REQUEST", ["MMR"]),
])
def test_names_and_light_verbs(code_text, sentence, day, plover, actors):
    assert _countries(_one(code_text(sentence, day), plover).actors) == actors


def test_an_object_pronoun_is_not_its_own_verbs_subject(code_text):
    coded = code_text("Emmanuel Macron met Keir Starmer in Paris. Later, Donald Trump called "
                      "him by phone.", "2025-03-02")
    call = next(e for e in _events(coded, "CONSULT") if e.trigger.startswith("called"))
    assert _countries(call.actors) == ["USA"] and _countries(call.recipients) == ["GBR"]


# --- arguments from the story around the sentence; event nouns naming their sides ---

def test_implicit_target_is_the_story_counterpart_not_the_latest_name(code_text):
    coded = code_text(
        "Ukrainian drones struck an oil depot in Russia's Bryansk region on Sunday. "
        "Russia's defence ministry said its forces had shot down most of the drones. "
        "Western officials said they were watching closely. "
        "The Russian army later shelled border villages.", "2025-06-02")
    shelling = coded.events[-1]
    assert shelling.plover == "ASSAULT" and _countries(shelling.actors) == ["RUS"]
    assert _countries(shelling.recipients) == ["UKR"], shelling.explanation


def test_a_domestic_counterpart_can_be_the_implicit_target(code_text):
    coded = code_text(
        "Opposition lawmakers in Seoul accused President Yoon Suk Yeol of abusing his powers. "
        "The lawmakers demanded a full investigation on Friday.", "2024-12-06")
    demand = _one(coded, "REQUEST")
    assert [m.code for m in demand.actors] == ["KORLEG"]
    assert [m.code for m in demand.recipients] == ["KORGOV"], demand.explanation


def test_they_prefers_the_plural_agent_to_a_country(code_text):
    coded = code_text("Ethiopian troops remained deployed in Somalia's Gedo region, where they "
                      "seized two towns last year.", "2025-04-01")
    seizure = _one(coded, "COERCE")
    assert _countries(seizure.actors) == ["ETH"]


def test_a_prenominal_year_dates_the_noun_not_the_event(code_text):
    coded = code_text("Officials said Trump would waive a 1998 law that limits arms "
                      "sales to Taiwan.", "2025-09-09")
    waiver = _one(coded, "CONCEDE")
    assert "historical" not in waiver.modes
    assert waiver.date is None or not waiver.date.value.startswith("1998")


def test_an_event_noun_naming_both_sides_is_an_event(code_text):
    coded = code_text("Japan and South Korea have repaired relations. It was the first visit "
                      "between leaders of the two countries in twelve years.", "2023-05-08")
    visit = _one(coded, "CONSULT")
    assert _countries(visit.actors + visit.recipients) == ["JPN", "KOR"]


def test_the_led_modifier_names_the_actor_and_backers_do_not(code_text):
    coded = code_text("Clashes between Iran-backed militias and the Iraqi army broke out near "
                      "Baiji. A Hezbollah-led raid on Israeli positions followed on Monday.",
                      "2024-02-10")
    raid = _one(coded, "ASSAULT")
    assert _countries(raid.actors) == ["LBN"]
    assert all("IRN" not in {m.country for m in e.actors} for e in coded.events)


def test_an_event_noun_as_the_object_of_a_topic_verb_is_not_asserted(code_text):
    coded = code_text("Energy prices are shaping Germany's talks with Norway.", "2024-02-10")
    assert not [e for e in coded.events if e.plover == "CONSULT"]


def test_drew_criticism_from_names_the_critic_as_actor(code_text):
    coded = code_text("The Hungarian prime minister's visit to Moscow drew sharp criticism from "
                      "Poland on Friday.", "2024-07-06")
    e = _one(coded, "ACCUSE")
    assert _countries(e.actors) == ["POL"] and _countries(e.recipients) == ["HUN"]


def test_without_the_critic_named_there_is_no_accusation(code_text):
    coded = code_text("Orban's visit to Moscow drew sharp criticism.", "2024-07-06")
    assert not [e for e in coded.events if e.plover == "ACCUSE"]


def test_a_repeated_preposition_adds_recipients_one_consultation_each(code_text):
    coded = code_text("Secretary of State Antony Blinken spoke separately with Israeli Prime "
                      "Minister Benjamin Netanyahu and with Egyptian President Abdel Fattah "
                      "al-Sisi.", "2024-02-06")
    calls = _events(coded, "CONSULT")
    assert sorted(_countries(e.recipients)[0] for e in calls) == ["EGY", "ISR"]
    assert all(_countries(e.actors) == ["USA"] for e in calls)
    assert len({e.id for e in calls}) == 2  # each dyad is its own stored event


def test_an_implicit_target_of_force_is_the_side_fought_not_the_mediator(code_text):
    coded = code_text(
        "Thai troops shelled Cambodian positions near the Preah Vihear temple on Monday. "
        "Malaysian Prime Minister Anwar Ibrahim met Cambodian Prime Minister Hun Manet in "
        "Kuala Lumpur that evening. "
        "On Tuesday, Cambodia's army fired rockets overnight.", "2025-07-29")
    rockets = coded.events[-1]
    assert rockets.plover == "ASSAULT" and _countries(rockets.actors) == ["KHM"]
    assert _countries(rockets.recipients) == ["THA"], rockets.explanation


def test_they_is_the_nearest_plural_not_the_latest_country(code_text):
    coded = code_text("Washington exempted eight countries from its oil sanctions on Iran, "
                      "allowing them to keep buying Iranian crude.", "2018-11-05")
    assert all("USA" not in _countries(e.actors) for e in coded.events
               if e.trigger.startswith("buying"))


def test_a_plural_topic_carries_over_to_they(code_text):
    coded = code_text("Many foreign backers of the opposition have cut their support since "
                      "Iran and Russia stepped up their help to Assad. They have been urging "
                      "the opposition to talk to Damascus.", "2018-07-02")
    assert not [e for e in coded.events if e.plover == "REQUEST"
                and {"IRN", "RUS"} & set(_countries(e.actors))]


def test_an_unknown_main_subject_is_not_replaced_by_an_earlier_actor(code_text):
    coded = code_text("Russian officials met Chinese envoys in Beijing. The Pembury Institute "
                      "said it would sanction the two delegations.", "2025-01-10")
    assert not [e for e in coded.events if e.plover == "SANCTION"
                and {"RUS", "CHN"} & set(_countries(e.actors))]


@pytest.mark.parametrize("text", [
    "Russia's foreign ministry refused to comment on the Ukrainian reports.",
    "A Kremlin spokesman declined to confirm whether Putin had spoken to Trump.",
    "Turkish officials say Kurdish militias threaten Turkey's sovereignty.",
    "Syrian forces destroyed their own chemical stocks in 2014.",
    "The Egyptian government pressed ahead with the plan despite Ethiopia's objections.",
])
def test_no_event_in_reticence_generic_threats_or_acts_on_ones_own(code_text, text):
    coded = code_text(text, "2019-03-01")
    assert not coded.events, [(e.plover, e.rule) for e in coded.events]


def test_even_if_concedes_a_fact_rather_than_posing_a_condition(code_text):
    coded = code_text("The EU still backs the nuclear deal, even if it criticised Iran's "
                      "missile tests on Monday.", "2019-02-05")
    criticism = _one(coded, "ACCUSE")
    assert "hypothetical" not in criticism.modes


def test_an_x_led_coalition_belongs_to_its_leader(code_text):
    coded = code_text("The Saudi-led coalition struck Houthi positions near Hodeidah on Monday.",
                      "2018-06-11")
    strike = _one(coded, "ASSAULT")
    assert _countries(strike.actors) == ["SAU"]


def test_the_countries_is_not_the_last_government_named(code_text):
    coded = code_text("Trump's envoy met Japanese officials on Monday. Several of the countries "
                      "have asked to open talks with Washington.", "2025-04-10")
    assert not [e for e in coded.events if e.trigger == "talks"
                and _countries(e.actors) == ["USA"]]


def test_an_agentless_arrest_is_by_the_police_of_where_it_happened(code_text):
    coded = code_text("Two British aid workers were detained in Istanbul on Friday.",
                      "2019-07-27")
    arrest = _one(coded, "COERCE")
    assert [m.code for m in arrest.actors] == ["TURCOP"]
    assert _countries(arrest.recipients) == ["GBR"]


def test_an_agentless_conviction_is_by_the_courts(code_text):
    coded = code_text("Kenyan opposition activist Jane Wanjiru was convicted of incitement on "
                      "Monday.", "2024-07-01")
    conviction = _one(coded, "SANCTION")
    assert [m.code for m in conviction.actors] == ["KENJUD"]


def test_the_government_is_not_the_last_international_body_named(code_text):
    coded = code_text("The United Nations appealed for access to Eastern Ghouta. The government "
                      "has continued to besiege the area.", "2018-02-20")
    assert not [e for e in coded.events if e.plover == "COERCE" and "UNO" in _countries(e.actors)]



def test_the_agent_of_a_reduced_relative_is_the_proposer(code_text):
    coded = code_text("Hanoi said it was willing to accept a trade plan drafted by Tokyo.",
                      "2025-02-10")
    agree = [e for e in _events(coded, "AGREE") if _countries(e.actors) == ["VNM"]]
    assert agree and _countries(agree[0].recipients) == ["JPN"]


def test_strikes_on_villages_target_civilians_of_the_place(code_text):
    coded = code_text("Myanmar's military carried out air strikes on villages in the Sagaing "
                      "region on Friday.", "2025-04-05")
    e = _one(coded, "ASSAULT")
    assert [m.code for m in e.recipients] == ["MMRCVL"]




@pytest.mark.parametrize("text", [
    "It is easier to bomb a city than to negotiate with its leaders.",  # an impersonal judgement
    ("Ministers argued that Britain should rehabilitate rather than prosecute returning "
     "fighters."),  # the road not taken
    "Their brothers are imprisoned, missing or dead.",  # a condition, not an act
    "Canadian women detained in the camps say they want to go home.",  # a state
    "The UN refugee agency released figures showing 4,000 deaths.",  # data, not detainees
    "US Central Command conceded that the Turkish offensive had hurt the campaign.",  # admitted
    "President Sall called the elections early.",  # not "called X a Y"
    "The charter allows the council to impose sanctions on member states.",  # a permission
    "The tribunal relies on governments to arrest suspects.",  # a reliance
    "Protesters vowed to stay on the streets until the president resigns.",  # a condition
    "The plan is to bomb the rebels into submission.",  # a goal
    "Let them fight the militants themselves.",  # an exhortation
])
def test_word_senses_and_states_that_are_no_events(code_text, text):
    coded = code_text(text, "2019-02-20")
    assert not coded.events, [(e.plover, e.rule) for e in coded.events]


def test_the_owner_of_a_decision_carries_it_out(code_text):
    coded = code_text("Macron criticised Trump's decision to withdraw troops from Syria.",
                      "2018-12-21")
    withdrawal = _one(coded, "RETREAT")
    assert _countries(withdrawal.actors) == ["USA"]
    assert not [e for e in coded.events if e.plover == "SUPPORT"]
    coded = code_text("Trump defended his decision to pull troops out of Syria.", "2018-12-21")
    assert not _events(coded, "SUPPORT")  # his own decision: no one else is addressed


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Washington told Kyiv not to strike Russian refineries.", "USA", "UKR"),
    ("Serbia wants Kosovo to dissolve its special police units.", "SRB", "XKX"),
    ("Erdogan challenged Assad to hold elections within a year.", "TUR", "SYR"),
])
def test_telling_wanting_or_challenging_someone_to_act_is_a_request(code_text, text, actor,
                                                                    recipient):
    coded = code_text(text, "2025-03-05")
    e = _one(coded, "REQUEST")
    assert _countries(e.actors) == [actor] and _countries(e.recipients) == [recipient]
    assert len(coded.events) == 1  # what is asked for has not happened



@pytest.mark.parametrize(("text", "actor"), [
    ("Kurdish militias shelled the Turkish border town of Kilis on Sunday.", "SYRREB"),
    ("Kurdish fighters in northern Iraq attacked Islamic State positions.", "IRQREB"),
])
def test_a_stateless_peoples_forces_are_rebels_where_they_live(code_text, text, actor):
    coded = code_text(text, "2018-01-22")
    e = _one(coded, "ASSAULT")
    assert [m.code for m in e.actors] == [actor]


def test_the_allies_of_x_are_not_x(code_text):
    coded = code_text("Turkish troops are preparing to attack the US military's Kurdish "
                      "partners inside northern Syria.", "2019-01-14")
    e = _one(coded, "ASSAULT")
    assert "USA" not in _countries(e.recipients)


def test_a_demand_that_others_act_is_a_request_and_its_content_unrealised(code_text):
    coded = code_text("Trump's demand that Germany and France repatriate and prosecute their "
                      "citizens has met a mixed response.", "2019-02-18")
    e = _one(coded, "REQUEST")
    assert _countries(e.actors) == ["USA"] and _countries(e.recipients) == ["DEU", "FRA"]
    assert not _events(coded, "ACCUSE")  # the prosecutions are demanded, not done


def test_a_pledge_is_the_event_only_when_what_is_pledged_is_not(code_text):
    coded = code_text("Germany pledged on Monday to put its foreign fighters on trial.",
                      "2019-02-18")
    assert [e.plover for e in coded.events] == ["AGREE"]
    coded = code_text("Britain pledged to send more weapons to Ukraine.", "2025-02-18")
    assert len(coded.events) == 1 and coded.events[0].rule.startswith("send")



def test_readiness_to_talk_is_a_present_intent(code_text):
    coded = code_text("Iran is willing to negotiate with the United States.", "2025-11-20")
    e = _one(coded, "AGREE")
    assert _countries(e.actors) == ["IRN"] and _countries(e.recipients) == ["USA"]
    assert "future" not in e.modes  # the willingness is stated now


@pytest.mark.parametrize(("text", "plover", "actor", "recipient"), [
    ("India cut its purchases of Russian oil in November.", "SANCTION", "IND", "RUS"),
    ("Washington doubled tariffs on Brazilian goods on Wednesday.", "SANCTION", "USA", "BRA"),
    ("Hungary blocked the EU's new aid package for Ukraine.", "REJECT", "HUN", "EUR"),
])
def test_trade_cuts_tariff_rises_and_vetoes(code_text, text, plover, actor, recipient):
    e = _one(code_text(text, "2025-11-20"), plover)
    assert _countries(e.actors) == [actor] and recipient in _countries(e.recipients)


def test_a_guessed_speaker_does_not_take_over_the_act(code_text):
    coded = code_text("Germany will send two more Patriot systems to Ukraine, the defence "
                      "ministry said.", "2025-11-20")
    e = coded.events[0]
    assert _countries(e.actors) == ["DEU"] and _countries(e.recipients) == ["UKR"]


def test_what_a_speaker_says_another_party_should_do_is_a_request(code_text):
    coded = code_text("Trump said Russia should withdraw its troops from Ukraine.",
                      "2025-11-20")
    assert [e.plover for e in coded.events] == ["REQUEST"]  # no withdrawal happened
    e = coded.events[0]
    assert _countries(e.actors) == ["USA"] and _countries(e.recipients) == ["RUS"]


def test_an_agentless_killing_is_by_the_attackers_just_named(code_text):
    coded = code_text("Islamic State fighters stormed the village of Kocho in August 2014. "
                      "Hundreds of men were rounded up and shot.", "2019-01-20")
    shooting = coded.events[-1]
    assert shooting.plover == "ASSAULT" and [m.code for m in shooting.actors] == ["IMGREB"]
    coded = code_text("At least 30 people were killed when police fired on protesters in "
                      "Dhaka.", "2024-08-05")
    assert all(m.code == "BGDCOP" for e in coded.events for m in e.actors)


@pytest.mark.parametrize(("text", "date", "plover", "actors", "recipients"), [
    # the proposers of a refused truce are its recipients
    (("Egypt and Qatar have put forward a 60-day truce, which the Sudanese army has so far "
      "refused to accept."), "2025-02-10", "REJECT", ["SDN"], ["EGY", "QAT"]),
    # "there will be no talks" is the speaker's refusal
    ("Netanyahu said there would be no negotiations with Hamas.", "2024-05-07", "REJECT",
     ["ISR"], ["PSE"]),
    # an -ing participle after a subject noun takes that noun as actor, not the main agent
    ("The Turkish deployment, targeting Syrian Kurdish fighters, is opposed by Damascus.",
     "2019-02-18", "ASSAULT", ["TUR"], ["SYR"]),
    # "houses" is not the House (of Representatives)
    ("Israeli jets bombed houses in Rafah on Monday.", "2024-05-07", "ASSAULT", ["ISR"],
     ["PSE"]),
    # a reported commitment stays with whoever committed, not the reporter
    ("Trump told reporters that Iran had agreed to hold talks with Washington.", "2025-04-07",
     "AGREE", ["IRN"], ["USA"]),
])
def test_who_acts_on_whom(code_text, text, date, plover, actors, recipients):
    e = _one(code_text(text, date), plover)
    assert _countries(e.actors) == actors and _countries(e.recipients) == recipients


def test_a_visit_and_its_meeting_are_one_consultation(code_text):
    coded = code_text("Japan's foreign minister flew to Seoul on Friday and met President Yoon "
                      "Suk Yeol.", "2023-07-14")
    meetings = _events(coded, "CONSULT")
    assert len(meetings) == 1
    assert _countries(meetings[0].actors) == ["JPN"]
    assert "visit" in meetings[0].modes


@pytest.mark.parametrize("text", [
    "Oman hosted the meeting at a palace outside Muscat.",
    "The ceasefire was brokered by Qatar after weeks of shuttle diplomacy.",
    "Switzerland opened the session with a call for restraint.",
])
def test_a_consultation_needs_a_counterpart(code_text, text):
    coded = code_text(text, "2024-06-02")
    assert not _events(coded, "CONSULT")


def test_a_bloc_meeting_needs_no_counterpart(code_text):
    coded = code_text("European Union leaders gathered in Brussels on Thursday for a summit "
                      "on defence spending.", "2025-03-06")
    assert _countries(_one(coded, "CONSULT").actors) == ["EUR"]


def test_reported_talks_with_a_counterpart_are_the_speakers(code_text):
    coded = code_text("Lavrov said the talks with the Turkish delegation had been useful.",
                      "2025-01-01")
    talks = _one(coded, "CONSULT")
    assert (_countries(talks.actors), _countries(talks.recipients)) == (["RUS"], ["TUR"])


@pytest.mark.parametrize("text, mode", [
    ("Hundreds of protesters forced their way into parliament in Belgrade on Sunday.", "riot"),
    ("Thousands of students gathered outside the education ministry in Belgrade on Sunday.",
     "demo"),
])
def test_crowds_at_a_building_protest(code_text, text, mode):
    protest = _one(code_text(text, "2025-03-02"), "PROTEST")
    assert _countries(protest.actors) == ["SRB"] and mode in protest.modes


@pytest.mark.parametrize("text, plover", [
    (("North Korea began artillery drills near the border on Monday, sending troops and tanks "
     "to the coast."), "MOBILIZE"),
    ("The protests by teachers have disrupted classes across Serbia in recent weeks.",
     "PROTEST"),
    ("A Russian missile strike killed four people in Odesa on Tuesday.", "ASSAULT"),
])
def test_an_event_and_its_participle_or_predicate_are_one_act(code_text, text, plover):
    coded = code_text(text, "2024-05-03")
    assert len(_events(coded, plover)) == 1, [(e.plover, e.trigger) for e in coded.events]


def test_a_strike_by_workers_is_a_protest_not_an_attack(code_text):
    coded = code_text("Similar strikes by dock workers have disrupted shipping in Italy in "
                      "recent weeks.", "2024-05-03")
    assert not _events(coded, "ASSAULT")
    assert _countries(_one(coded, "PROTEST").actors) == ["ITA"]


@pytest.mark.parametrize("second", [
    "The truce took effect at noon on Sunday.",
    "It was the first day of a ceasefire that came into force on Friday.",
])
def test_a_truce_in_force_is_between_the_storys_sides(code_text, second):
    coded = code_text("Ethiopian troops and Eritrean forces fought along the border for a week. "
                      + second, "2024-09-16")
    truce = _one(coded, "RETREAT")
    assert _countries(truce.actors + truce.recipients) == ["ERI", "ETH"]


def test_a_mediator_is_no_party_to_the_truce(code_text):
    coded = code_text("Egypt brokered the truce after three days of talks.", "2024-09-16")
    assert not _events(coded, "RETREAT")


@pytest.mark.parametrize("text, plover", [
    ("Russian troops took the town without firing a shot.", "ASSAULT"),
    ("Instead of meeting Zelensky, Putin sent Medinsky to Istanbul.", "CONSULT"),
])
def test_acts_instead_of_or_without_which_others_happen_are_not_done(code_text, text, plover):
    assert not _events(code_text(text, "2024-05-01"), plover)


@pytest.mark.parametrize("text", [
    "Lebanon pressed for French troops to be stationed along its border with Israel.",
    "Armenia appealed for Russian soldiers to be stationed on its border with Azerbaijan.",
])
def test_a_for_to_clause_under_a_request_is_not_done(code_text, text):
    assert not _events(code_text(text, "2019-10-20"), "MOBILIZE")
