"""Dictionaries imported from PETRARCH-2 and Phoenix code real sentences."""

from __future__ import annotations

import pytest
from conftest import shared_path

from parley.actors import ActorBase, entry_from_dict
from parley.codebook import VerbDictionary, pattern_from_dict
from parley.petrarch import dump_yaml, import_actors, import_verbs
from parley.pipeline import Pipeline, article_from_text

DICTIONARIES = ("reference", "petrarch2-dictionaries")


@pytest.fixture(scope="module")
def imported_verbs(tmp_path_factory):
    entries, report = import_verbs(shared_path(*DICTIONARIES, "CAMEO.2.0.txt"))
    path = tmp_path_factory.mktemp("verbs") / "petrarch-verbs.yaml"
    dump_yaml(entries, path)
    return path, report


def test_verb_import_converts_most_patterns(imported_verbs):
    _, report = imported_verbs
    assert report.loaded / (report.loaded + sum(report.skipped.values())) >= 0.80


def test_imported_verbs_load_and_code_a_sentence(imported_verbs, pipeline):
    path, _ = imported_verbs
    sentence = "Syrian troops evicted Kurdish families from Afrin on Monday."
    plain = pipeline.code_doc(pipeline.nlp(sentence), article_from_text(
        sentence, published="2016-02-10"))
    assert not [e for e in plain.events if e.cameo == "174"]  # our own dictionary lacks it
    extended = Pipeline(nlp=pipeline.nlp, actors=pipeline.actors,
                        verbs=VerbDictionary.load([path]), gazetteer=pipeline.gazetteer)
    coded = extended.code_doc(extended.nlp(sentence), article_from_text(
        sentence, published="2016-02-10"))
    eviction = [e for e in coded.events if e.cameo == "174"]
    assert eviction and eviction[0].actors[0].code == "SYRMIL"
    assert eviction[0].rule.startswith("petrarch:") or (
        "CAMEO.2.0.txt" in eviction[0].explanation[0])


def test_imported_entries_match_parley_format():
    pattern = pattern_from_dict({"lemma": "besiege", "cameo": "191", "object": ["stronghold"]},
                                "test")
    assert pattern.object == ("stronghold",) and pattern.specificity == 1


def test_phoenix_actor_import_codes_with_its_dated_roles(pipeline):
    paths = [shared_path(*DICTIONARIES, "Phoenix.Countries.actors.txt")]
    entries, report = import_actors(paths)
    assert report.loaded / (report.loaded + sum(report.skipped.values())) >= 0.95
    davutoglu = [e for e in entries if e["name"].lower() == "ahmet davutoglu"]
    assert davutoglu
    base = ActorBase.load()
    base.add([entry_from_dict(davutoglu[0], "Phoenix.Countries.actors.txt")])
    coded_with = Pipeline(nlp=pipeline.nlp, actors=base, verbs=pipeline.verbs,
                          gazetteer=pipeline.gazetteer)
    sentence = "Ahmet Davutoglu criticized Israel on Tuesday."
    coded = coded_with.code_doc(coded_with.nlp(sentence), article_from_text(
        sentence, published="2010-06-02"))
    accuse = [e for e in coded.events if e.plover == "ACCUSE"]
    assert accuse and accuse[0].actors[0].code == "TURGOV"
    assert accuse[0].actors[0].rule.startswith("actor:Phoenix")
