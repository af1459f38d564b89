"""Converters from the PETRARCH-2 dictionaries, checked on the real shared files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from parley.models import ParleyError
from parley.petrarch import dump_yaml, import_actors, import_agents, import_verbs

DICTS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "petrarch2-dictionaries"
ACTOR_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]

needs_dicts = pytest.mark.skipif(
    not (DICTS / "CAMEO.2.0.txt").is_file(), reason=f"PETRARCH-2 dictionaries not found in {DICTS}"
)


def simple_lemma(word: str, pos: str) -> str:
    """A tiny stand-in for spaCy in tests that only need plural nouns singularised."""
    return word[:-1] if pos == "NOUN" and word.endswith("s") else word


@pytest.fixture(scope="module")
def verbs():
    return import_verbs(DICTS / "CAMEO.2.0.txt")


@pytest.fixture(scope="module")
def actors():
    return import_actors([DICTS / name for name in ACTOR_FILES])


def by_source(entries: list[dict], line: int, name: str = "CAMEO.2.0.txt") -> list[dict]:
    return [e for e in entries if e["source"] == f"{name}:{line}"]


@needs_dicts
def test_verb_patterns_convert_at_least_80_percent(verbs):
    entries, report = verbs
    assert report.total == 4668  # every '-' pattern line of the verb section
    assert report.rate >= 0.80, report.skipped
    assert report.skipped["null code"] == 168
    assert all(report.examples[reason] for reason in report.skipped)
    assert len({e["id"] for e in entries}) == len(entries)


@needs_dicts
def test_meet_block(verbs):
    entries, _ = verbs
    # MEET {MEETS MET MEETING} under "---  MEET_PEOPLE   [040]  ---"
    assert by_source(entries, 5435) == [
        {"id": "petrarch:meet:040", "lemma": "meet", "cameo": "040",
         "source": "CAMEO.2.0.txt:5435"}
    ]
    # +MEET_WITH {+MET_WITH ...}: the object of "with" is the recipient
    (meet_with,) = by_source(entries, 5427)
    assert meet_with["id"] == "petrarch:meet+with:040"
    assert (meet_with["lemma"], meet_with["prep"], meet_with["recipient"]) == (
        "meet", "with", ["prep:with"])
    # - * (WITH LEADERS)  [036:036]  # MEET -> reciprocal code kept, phrase is a constraint
    (leaders,) = by_source(entries, 5442)
    assert leaders["lemma"] == "meet" and leaders["cameo"] == "036"
    assert leaders["pp"] == {"prep": "with", "object": ["leader"]}
    assert "recipient" not in leaders


@needs_dicts
def test_particles_synsets_and_targets(verbs):
    entries, report = verbs
    (call_off,) = by_source(entries, 1116)  # +CALL_OFF [160]
    assert (call_off["lemma"], call_off["particle"], call_off["cameo"]) == ("call", "off", "160")
    (food,) = by_source(entries, 722)  # - * &FOOD [073] # RUSH
    assert food["lemma"] == "rush" and food["cameo"] == "073"
    assert {"food", "foodstuff", "provision"} <= set(food["object"])
    (claim,) = by_source(entries, 1950)  # - * CLAIM (AGAINST) + [115] # FILE
    assert claim["object"] == ["claim"]
    assert (claim["prep"], claim["recipient"]) == ("against", ["prep:against"])
    assert report.skipped["composite code"] > 0  # [042:043] is not folded into one code
    assert not by_source(entries, 718)  # - * (TO) [042:043] # RUSH


@needs_dicts
def test_actor_blocks_load_at_least_95_percent(actors):
    entries, report = actors
    assert report.rate >= 0.95, report.skipped
    assert report.loaded == len(entries)
    obama = next(e for e in entries if e["name"] == "Barack Obama")
    assert obama["kind"] == "person" and obama["country"] == "USA"
    assert "Obama" in obama["aliases"]
    assert obama["source"] == "Phoenix.Countries.actors.txt:51057"
    assert obama["roles"] == [
        {"code": "USAELI", "sector": "ELI", "start": "1978-01-01", "end": "2000-01-01"},
        {"code": "USAGOV", "sector": "GOV", "start": "2009-01-20", "end": None},
    ]


@needs_dicts
def test_actor_kinds_and_long_codes(actors):
    entries, report = actors
    afghanistan = next(e for e in entries if e["name"] == "Afghanistan")
    assert (afghanistan["kind"], afghanistan["country"]) == ("country", "AFG")
    unicef = next(e for e in entries if e["name"] == "Unicef")
    assert unicef["kind"] == "org" and unicef["country"] == "IGO"
    assert unicef["roles"][0]["code"] == "IGOUNOKID"
    # "[GBRGOV >201005011]" is not a date: the block is reported, not guessed
    assert any("DAVID_CAMERON_" in ex for ex in report.examples["bad date"])


@needs_dicts
def test_agents():
    entries, report = import_agents(DICTS / "Phoenix.agents.txt")
    assert report.rate >= 0.95
    police = [e for e in entries if e["noun"] == "police"]
    assert police and police[0]["code"] == "COP" and police[0]["position"] == "suffix"
    assert police[0]["plural"] is None  # "POLICE {} [~COP]": no plural form
    nouns = {e["noun"] for e in entries}
    assert {"cattleman", "cattlewomen"} <= nouns  # CATTLE!PERSON! expanded
    assert any("ISLAMIC_EXTREMIST" in ex for ex in report.examples["no code"])


def test_latin1_actor_file(tmp_path):
    path = tmp_path / "tiny.actors.txt"
    path.write_bytes("JOSÉ_MARTÍ_\n+MARTÍ\n\t[CUBELI 19530101-19590101]\n".encode("latin-1"))
    entries, report = import_actors([path])
    assert report.loaded == 1
    (jose,) = entries
    assert jose["name"] == "José Martí" and jose["aliases"] == ["Martí"]
    assert jose["roles"] == [
        {"code": "CUBELI", "sector": "ELI", "start": "1953-01-01", "end": "1959-01-01"}
    ]


def test_two_digit_years_and_open_ranges(tmp_path):
    path = tmp_path / "dates.actors.txt"
    path.write_text("A_PERSON_\n\t[USAGOV 010120-090120]\n\t[USAELI <650101]\n", encoding="utf-8")
    (entry,), _ = import_actors([path])
    assert [(r["start"], r["end"]) for r in entry["roles"]] == [
        ("2001-01-20", "2009-01-20"), (None, "1965-01-01")]


def test_malformed_files_give_a_report(tmp_path):
    actors = tmp_path / "junk.actors.txt"
    actors.write_text("NO_CODE_HERE\nANOTHER [USAGOV 99999-1]\n+ALIAS\n", encoding="utf-8")
    entries, report = import_actors([actors])
    assert entries == []
    assert report.skipped == {"no code": 1, "bad date": 1}

    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "---  TALK   [---]  ---\nTALK\n- * (WITH +)  [040]  # TALK\n"
        "- * {BROKEN  [040]  # TALK\n- * PEACE [xyz] # TALK\n- * (TO) [:042] # TALK\n",
        encoding="utf-8",
    )
    entries, report = import_verbs(verbs, simple_lemma)
    assert report.loaded == 1 and report.total == 4
    assert report.skipped == {
        "unbalanced brackets": 1, "malformed code": 1, "reverse-only code": 1}
    assert entries[0]["recipient"] == ["prep:with"]


def test_garbage_verb_file_raises(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\x00\xff\xfe garbage\nnot a dictionary\n")
    with pytest.raises(ParleyError, match="no PETRARCH verb blocks"):
        import_verbs(path, simple_lemma)


def test_missing_path_raises(tmp_path):
    missing = tmp_path / "nope.txt"
    for call in (lambda: import_verbs(missing, simple_lemma), lambda: import_actors([missing]),
                 lambda: import_agents(missing)):
        with pytest.raises(ParleyError, match="nope.txt: no such file"):
            call()


def test_dump_yaml_round_trips(tmp_path):
    entries = [{"id": "petrarch:call+off:087", "lemma": "call", "particle": "off",
                "cameo": "087", "source": "x:1"}, {"name": "José", "roles": []}]
    path = tmp_path / "out" / "verbs.yaml"
    dump_yaml(entries, path)
    text = path.read_text(encoding="utf-8")
    assert "José" in text and text.index("id:") < text.index("lemma:")
    assert yaml.safe_load(text) == entries
