"""Framing: theme shares, the framing index and VADER tone, on lexicon rules and seeds."""

from __future__ import annotations

import json

import pytest
import typer
from conftest import shared_path
from typer.testing import CliRunner

from parley.cli_analysis import register
from parley.framing import Lexicon, framing_index, store_framing
from parley.models import ParleyError


def test_phrases_settle_ambiguous_words():
    lexicon = Lexicon.load()
    hits = lexicon.match("After the peace talks, a minerals deal and military aid were "
                         "discussed; investors talked about deals.")
    assert hits == [("diplomatic", "peace talks"), ("commercial", "minerals deal"),
                    ("security", "military aid"), ("commercial", "investors"),
                    ("diplomatic", "talked"), ("commercial", "deals")]


def test_a_form_in_two_themes_is_refused(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n  commercial: {words: [deal]}\n  diplomatic: {words: [deals]}\n")
    with pytest.raises(ParleyError, match="deals.*in both commercial and diplomatic"):
        Lexicon.load(path)


def test_framing_index_scale():
    assert framing_index(10, 0, 0) == 1
    assert framing_index(0, 3, 5) == -1
    assert framing_index(4, 2, 6) == 0  # commerce as present as the mean of the others
    assert framing_index(0, 0, 0) is None


def test_the_two_seed_articles_are_framed_differently(coded_store):
    shared_path("corpus", "seeds", "meta.jsonl")
    framing = {f.key: f for f in store_framing(coded_store, "article")}
    op_ed = framing["kyiv-independent-dollars-diplomacy"]
    briefing = framing["openness-to-cooperation"]
    # The briefing relays RDIF's pitch (American companies, $300 billion, natural
    # resources): three quarters of its theme words are commercial. The op-ed argues that
    # commerce is displacing diplomacy, so it spends a third of its theme words on the
    # talks, summits and envoys themselves.
    assert briefing.share("commercial") > 0.65
    assert op_ed.share("diplomatic") > 2 * briefing.share("diplomatic")
    assert briefing.index - op_ed.index > 0.2
    # both lean commercial, far more than the wire service's summit report
    assert min(op_ed.index, briefing.index) > framing[
        "2025-08-16-meridian-alaska-summit"].index + 0.5
    assert -1 <= op_ed.tone <= 1 and -1 <= briefing.tone <= 1


def test_framing_by_outlet_command(coded_store):
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["framing", "--by", "outlet", "--format", "json",
                                      "--db", coded_store.url])
    assert result.exit_code == 0, result.output
    rows = {r["outlet"]: r for r in json.loads(result.output)}
    # the business daily frames in commerce, the wire service in diplomacy
    assert rows["The Ledger Business Daily"]["framing_index"] > 0.3
    assert rows["Meridian Wire"]["framing_index"] < 0
    bad = CliRunner().invoke(app, ["framing", "--by", "week", "--db", coded_store.url])
    assert isinstance(bad.exception, ParleyError) and "--by week" in str(bad.exception)
