"""Actor resolution: roles by date, coreference, capitals, generic agents, imports."""

from __future__ import annotations

import pytest

from parley.actors import ActorBase, default_actor_base


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return default_actor_base()


@pytest.mark.parametrize("name,day,code,office_word", [
    ("Rubio", "2024-06-01", "USALEG", "Senator"),
    ("Rubio", "2025-03-05", "USAGOV", "Secretary of State"),
    ("Marco Rubio", "2025-01-19", "USALEG", "Senator"),
    ("Donald Trump", "2019-05-01", "USAGOV", "President"),
    ("Donald Trump", "2023-05-01", "USAELI", None),
    ("Jared Kushner", "2019-05-01", "USAGOV", None),
    ("Jared Kushner", "2025-12-02", "USABUS", None),
    ("Steve Witkoff", "2024-06-01", "USABUS", None),
    ("Steve Witkoff", "2025-12-02", "USAGOV", "Envoy"),
])
def test_roles_are_resolved_on_the_date(base, name, day, code, office_word):
    found = base.resolve(name, day)
    assert found is not None and found.code == code
    if office_word:
        assert office_word.lower() in (found.office or "").lower()


@pytest.mark.parametrize("name,country,sector", [
    ("Steve Witkoff", "USA", "GOV"), ("Jared Kushner", "USA", "BUS"),
    ("Kirill Dmitriev", "RUS", "GOV"), ("Marco Rubio", "USA", "GOV"),
    ("Sergei Lavrov", "RUS", "GOV"), ("Donald Trump", "USA", "GOV"),
    ("Vladimir Putin", "RUS", "GOV"), ("ExxonMobil", "USA", "BUS"), ("Exxon", "USA", "BUS"),
    ("RDIF", "RUS", "GOV"), ("NOVATEK", "RUS", "BUS"), ("the Kremlin", "RUS", "GOV"),
])
def test_seed_actors_resolve_in_2025(base, name, country, sector):
    found = base.resolve(name, "2025-03-05")
    assert (found.country, found.sector) == (country, sector)


def test_titles_before_a_name_are_stripped(base):
    found = base.resolve("U.S. special envoy Steve Witkoff", "2025-03-05")
    assert found.name == "Steve Witkoff"


def _events(coded):
    return [(e.plover, sorted(a.code for a in e.actors), sorted(r.code for r in e.recipients))
            for e in coded.events]


def _mention_codes(coded) -> dict[str, str | None]:
    return {m.text: m.code for m in coded.mentions}


def test_bare_surname_resolves_after_the_full_name(code_text):
    coded = code_text("Kirill Dmitriev, head of the Russian Direct Investment Fund, flew to "
                      "Washington. On Thursday Dmitriev met Steve Witkoff.", "2025-04-04")
    consult = [e for e in coded.events if e.plover == "CONSULT" and e.cameo == "040"]
    assert consult and consult[0].actors[0].name == "Kirill Dmitriev"
    assert consult[0].recipients[0].code == "USAGOV"


def test_unknown_person_surname_follows_full_name(code_text):
    coded = code_text("Ukrainian negotiator Olena Petrenko met Sergei Lavrov in Istanbul. "
                      "Petrenko later criticised Russia.", "2025-05-20")
    accuse = [e for e in coded.events if e.plover == "ACCUSE"]
    assert accuse and accuse[0].actors[0].country == "UKR"
    assert accuse[0].actors[0].rule == "coref:surname"


def test_pronouns_take_the_last_actor_of_their_kind(code_text):
    coded = code_text("Sergei Lavrov arrived in Ankara on Monday. He criticized the "
                      "European Union for its new sanctions.", "2025-06-03")
    accuse = next(e for e in coded.events if e.plover == "ACCUSE")
    assert accuse.actors[0].name == "Sergei Lavrov"
    assert accuse.actors[0].rule == "coref:previous-subject"
    assert accuse.recipients[0].country == "EUR"


def test_subject_pronoun_continues_the_previous_subject_not_the_last_name(code_text):
    coded = code_text("Turkey has sent troops into northern Syria. It has also supported "
                      "rival Syrian rebels.", "2019-03-01")
    support = next(e for e in coded.events if e.plover == "SUPPORT")
    assert support.actors[0].country == "TUR"


def test_the_president_refers_to_the_last_president_named(code_text):
    coded = code_text("Emmanuel Macron spoke about Ukraine in Paris. Later the president "
                      "criticized Russia.", "2025-03-05")
    accuse = next(e for e in coded.events if e.plover == "ACCUSE")
    assert accuse.actors[0].name == "Emmanuel Macron"


def test_capitals_are_governments_as_subjects_and_places_otherwise(code_text):
    coded = code_text("Washington warned Moscow that further sanctions could follow. "
                      "The talks took place in Moscow.", "2025-10-23")
    threat = next(e for e in coded.events if e.plover == "THREATEN")
    assert threat.actors[0].code == "USAGOV" and threat.recipients[0].code == "RUSGOV"
    assert "Moscow" not in _mention_codes(coded) or all(
        m.sentence_index == 0 for m in coded.mentions if m.text == "Moscow")


@pytest.mark.parametrize("sentence,code", [
    ("American companies criticized the decision.", "USABUS"),
    ("Russian police arrested dozens of protesters in Moscow.", "RUSCOP"),
    ("European powers criticized the decision.", "EURGOV"),
    ("Ukrainian workers protested against the decision in Kyiv.", "UKRLAB"),
    ("Iranian officials rejected the proposal.", "IRNGOV"),
    ("Turkish troops attacked Kurdish fighters in Syria.", "TURMIL"),
])
def test_generic_agents_combine_country_and_sector(code_text, sentence, code):
    coded = code_text(sentence, "2025-03-05")
    assert coded.events, sentence
    assert coded.events[0].actors[0].code == code


def test_the_two_sides_are_the_pair_in_context(code_text):
    coded = code_text("Russia and the United States resumed contacts in February. "
                      "In October, Dmitriev suggested that the two sides build a tunnel.",
                      "2025-12-10")
    agree = [e for e in coded.events if e.plover == "AGREE"][-1]
    assert agree.actors[0].country == "RUS"
    assert [r.country for r in agree.recipients] == ["USA"]


def test_unknown_names_are_kept_unresolved(code_text):
    coded = code_text("Zorblatt Industries signed a contract with the ministry.", "2025-03-05")
    unresolved = [m for m in coded.mentions if m.country is None]
    assert any("Zorblatt" in m.text for m in unresolved)


def test_seed_articles_resolve_their_cast(pipeline):
    from conftest import shared_path

    from parley.ingest import read_inputs
    from parley.models import Article

    folder = shared_path("corpus", "seeds")
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    mentions = [m for coded in pipeline.code(articles) for m in coded.mentions]
    by_name = {}
    for m in mentions:
        by_name.setdefault(m.name, set()).add((m.country, m.sector))
    expected = {"Steve Witkoff": ("USA", "GOV"), "Jared Kushner": ("USA", "BUS"),
                "Kirill Dmitriev": ("RUS", "GOV"), "Marco Rubio": ("USA", "GOV"),
                "Sergei Lavrov": ("RUS", "GOV"), "Donald Trump": ("USA", "GOV"),
                "Vladimir Putin": ("RUS", "GOV"), "ExxonMobil": ("USA", "BUS"),
                "Russian Direct Investment Fund": ("RUS", "GOV"), "NOVATEK": ("RUS", "BUS"),
                "Kremlin": ("RUS", "GOV")}
    for name, code in expected.items():
        assert by_name.get(name) == {code}, name
    bare = [m for m in mentions if m.text == "Dmitriev"]
    assert bare and all(m.name == "Kirill Dmitriev" for m in bare)


def test_roles_follow_the_events_date_not_the_articles(code_text):
    coded = code_text("In June 2019, Jared Kushner met Benjamin Netanyahu in Jerusalem.",
                      "2025-12-10")
    event = next(e for e in coded.events if e.plover == "CONSULT")
    kushner = next(m for m in event.actors + event.recipients if m.name == "Jared Kushner")
    assert kushner.code == "USAGOV" and "historical" in event.modes
