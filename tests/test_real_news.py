"""The whole Guardian 2019 corpus (249 real articles) codes without an error, and every
coded fact points back into its article. Slow (about a minute and a half) but it is the
only check that catches a crash real prose provokes and our own sentences do not."""

from __future__ import annotations

import json

from conftest import shared_path


def test_a_pronoun_inside_its_own_antecedent_does_not_loop(code_text):
    coded = code_text("Assad's forces launched a chemical attack near Damascus on Tuesday. Gas "
                      "dropped from helicopters killed 300 people, dozens of them children.",
                      "2019-08-21")  # "them" must not be resolved to "dozens of them"
    assert [e.plover for e in coded.events] == ["ASSAULT"]


def test_every_guardian_article_codes_with_provenance(pipeline):
    from parley.pipeline import article_from_text

    path = shared_path("corpus", "guardian-2019", "articles.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = [article_from_text(r["text"], article_id=r["id"], published=r["published"])
                for r in rows]
    coded = list(pipeline.code(articles))
    assert len(coded) == len(rows)
    events = [e for c in coded for e in c.events]
    assert len(events) > 500  # real news about wars and diplomacy is full of events
    for c in coded:
        text = c.article.text
        for e in c.events:
            assert text[e.start:e.end] == e.sentence, e.id
            assert e.start <= e.trigger_start < e.trigger_end <= e.end, e.id
            assert e.rule and e.actors, e.id
            for m in e.actors + e.recipients:
                assert m.article_id == c.article.id and m.rule, (e.id, m)
                if m.text:  # implicit targets ("the government") have no span
                    assert text[m.start:m.end] == m.text, (e.id, m)
