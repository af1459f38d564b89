"""Reading inputs into Article records: formats, metadata precedence and bad input."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from parley.ingest import (
    IngestOptions,
    content_hash,
    normalise_date,
    normalise_text,
    read_inputs,
)
from parley.models import Article, IngestError, ParleyError

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def split(items) -> tuple[list[Article], list[IngestError]]:
    items = list(items)
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, IngestError)]
    assert len(articles) + len(errors) == len(items)
    return articles, errors


def one(path: Path | str, **kwargs) -> Article:
    articles, errors = split(read_inputs([str(path)], **kwargs))
    assert errors == []
    assert len(articles) == 1
    return articles[0]


def only_error(path: Path | str, **kwargs) -> IngestError:
    articles, errors = split(read_inputs([str(path)], **kwargs))
    assert articles == []
    assert len(errors) == 1
    return errors[0]


# --- HTML -----------------------------------------------------------------------------


def test_html_with_sidebar_and_comments_keeps_only_the_article():
    article = one(FIXTURES / "html" / "sidebar-comments.html")
    assert article.id == "sidebar-comments"
    assert article.title == "Grain corridor talks resume in Valmora"
    assert article.outlet == "The Meridian Post"
    assert article.author == "Ines Calder"
    assert article.published == "2024-05-14"
    assert article.url == "https://meridianpost.example/world/grain-corridor-talks-resume"
    assert "reopen the northern grain corridor for a trial period of ninety days" in article.text
    assert "talks on compensation for seized cargo had been postponed" in article.text
    for boilerplate in ("Ferry timetable", "morning briefing", "doubt this deal", "dock workers"):
        assert boilerplate not in article.text
    assert article.content_hash == content_hash(article.text)


def test_amp_page_metadata_from_json_ld():
    article = one(FIXTURES / "html" / "amp-page.html")
    assert article.title == "Border commission sets date for next round"
    assert article.outlet == "Northwind Wire"
    assert article.author == "Rafael Oduya"
    assert article.published == "2024-09-03"  # datePublished, not dateModified
    assert "Surveyors from both countries will now map the riverbed together" in article.text
    assert "independent news since 1998" not in article.text


def test_page_without_article_tag():
    article = one(FIXTURES / "html" / "no-article-tag.html")
    assert article.title == "Fishing quota deal signed after overnight session"
    assert article.outlet == "Harbour Ledger"
    assert article.published == "2023-11-21"
    assert "fund a joint research vessel to track fish stocks" in article.text
    assert "Advertise with us" not in article.text
    assert "Privacy" not in article.text
    assert "\n\n" in article.text  # paragraphs stay separated


def test_page_without_date_uses_given_date_only_when_missing():
    page = FIXTURES / "html" / "no-date.html"
    assert one(page).published is None
    filled = one(page, published="2024-06-01", outlet="Coastal Monitor")
    assert filled.published == "2024-06-01"
    assert filled.outlet == "Coastal Monitor"
    dated = one(FIXTURES / "html" / "sidebar-comments.html", published="2024-06-01", outlet="X")
    assert dated.published == "2024-05-14"
    assert dated.outlet == "The Meridian Post"


def test_bad_published_argument_is_a_user_error():
    with pytest.raises(ParleyError, match="not a date"):
        list(read_inputs([str(FIXTURES / "text")], published="last tuesday"))


# --- feeds ----------------------------------------------------------------------------


def test_rss_entries_become_articles():
    articles, errors = split(read_inputs([str(FIXTURES / "feeds" / "wire.rss")]))
    assert [a.title for a in articles] == [
        "Ceasefire monitors arrive in Darrow valley",
        "Trade envoys postpone tariff meeting",
    ]
    first, second = articles
    assert first.url == "https://northwindwire.example/diplomacy/ceasefire-monitors-arrive"
    assert first.id == "diplomacy-ceasefire-monitors-arrive"
    assert first.published == "2024-04-12"  # the feed's own day, not shifted to UTC
    assert first.author == "Lena Marsh"
    assert first.outlet == "Northwind Wire: Diplomacy"
    assert first.text == (
        "The first team of ceasefire monitors reached the Darrow valley on Friday morning.\n\n"
        "Their mandate runs for sixty days & covers both banks of the river."
    )
    assert first.source.endswith("wire.rss#entry 1")
    assert second.published == "2024-04-11"
    assert [(e.input.rsplit("#", 1)[1], e.message) for e in errors] == [
        ("entry 3", "feed entry has no text")
    ]


def test_atom_entries_prefer_content_and_keep_local_date():
    articles, errors = split(read_inputs([str(FIXTURES / "feeds" / "ledger.atom")]))
    assert errors == []
    ferry, port = articles
    assert ferry.title == "Island council backs new ferry treaty"
    assert ferry.published == "2024-02-01"  # 23:30 at -05:00
    assert ferry.author == "Oskar Lind"
    assert ferry.outlet == "Harbour Ledger"
    assert "guarantees a daily crossing in winter" in ferry.text
    assert "<p>" not in ferry.text
    assert port.published == "2024-01-30"  # only <updated> given
    assert port.url == "https://harbourledger.example/news/port-fees-arbitration"


def test_malformed_feed_is_an_error():
    error = only_error(FIXTURES / "feeds" / "broken.rss")
    assert error.stage == "parse"
    assert error.message.startswith("malformed feed")


# --- records --------------------------------------------------------------------------

WIRE_COLUMNS = IngestOptions(
    text_field="body",
    title_field="headline",
    date_field="pub_date",
    outlet_field="source",
    id_field="story_id",
    author_field="byline",
    url_field="link",
)


def test_jsonl_with_mapped_columns():
    path = FIXTURES / "records" / "wire-export.jsonl"
    articles, errors = split(read_inputs([str(path)], options=WIRE_COLUMNS))
    assert [a.id for a in articles] == ["nw-0001", "wire-export-line4", "nw-0004"]
    first = articles[0]
    assert first.title == "Envoys meet at the lake resort"
    assert first.outlet == "Northwind Wire"
    assert first.author == "Rafael Oduya"
    assert first.published == "2024-03-04"
    assert first.source == f"{path}#line 1"
    assert articles[1].published == "2024-03-06"  # "date" accepted when pub_date is absent
    assert articles[2].published == "2024-03-06"  # RFC 2822 date
    assert [(e.input, e.message) for e in errors] == [
        (f"{path}#line 2", "record has no text in field 'body'"),
        (f"{path}#line 5", "invalid JSON (Expecting value at column 1)"),
    ]


def test_csv_with_mapped_columns_and_multiline_field():
    path = FIXTURES / "records" / "ledger-export.csv"
    articles, errors = split(read_inputs([str(path)], outlet="Fallback", options=WIRE_COLUMNS))
    assert [a.title for a in articles] == [
        "Harbour pilots end strike",
        "Canal tolls to be reviewed",
    ]
    pilots, canal = articles
    assert pilots.id == "ledger-export-line2"
    assert pilots.text.endswith(
        "accepted a pay offer.\n\nThe offer was brokered by the regional mediator."
    )
    assert pilots.outlet == "Harbour Ledger"
    assert pilots.url == "https://harbourledger.example/news/pilots-strike-ends"
    assert canal.outlet == "Fallback"  # the empty cell is filled by the caller's outlet
    assert canal.source == f"{path}#line 6"  # line numbers count the three-line first record
    assert [(e.input, e.message) for e in errors] == [
        (f"{path}#line 5", "record has no text in field 'body'")
    ]


def test_csv_without_the_text_column_names_the_columns():
    error = only_error(FIXTURES / "records" / "ledger-export.csv")
    assert error.message == "no 'text' column (columns: headline, body, pub_date, source, link)"


def test_oversized_record_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [{"text": "x " * 400}, {"text": "A short record that fits."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    articles, errors = split(read_inputs([str(path)], options=IngestOptions(max_bytes=500)))
    assert [a.text for a in articles] == ["A short record that fits."]
    assert errors[0].input.endswith("#line 1")
    assert errors[0].message.startswith("record too large")


# --- text, front matter, manifests ----------------------------------------------------


def test_front_matter_gives_metadata_and_text_is_normalised():
    article = one(FIXTURES / "text" / "front-matter.txt", outlet="Ignored")
    assert article.id == "front-matter"
    assert article.title == "Water-sharing accord extended for five years"
    assert article.outlet == "The Meridian Post"
    assert article.author == "Ines Calder"
    assert article.published == "2024-07-19"  # a datetime in YAML
    assert article.url == "https://meridianpost.example/world/water-accord-extended"
    assert article.text.startswith("Kestrel and Ondara have extended")
    assert "---" not in article.text
    assert "\n\n\n" not in article.text
    assert " \n" not in article.text


def test_invalid_front_matter_is_an_error(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nSome text.\n")
    error = only_error(path)
    assert error.stage == "parse"
    assert error.message.startswith("invalid YAML front matter")


def write_corpus(root: Path) -> None:
    """A small directory tree with a manifest, written for the tests that need one."""
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "alpha.txt").write_text("Alpha story text about talks.\n")
    (root / "beta.md").write_text("---\ntitle: Beta from front matter\n---\nBeta story text.\n")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not ingested")
    (root / "sub" / "gamma.txt").write_text("Gamma story text.\n")
    shutil.copy(FIXTURES / "html" / "no-date.html", root / "sub" / "deeper" / "delta.html")
    (root / ".hidden" / "secret.txt").write_text("Should never be read.\n")
    manifest = [
        {"file": "alpha.txt", "title": "Alpha title", "outlet": None, "published": "2024-01-05"},
        {"file": "beta.md", "title": "Beta from manifest", "outlet": "Manifest Times"},
    ]
    (root / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in manifest) + "\n")


def test_directory_is_read_recursively_with_its_manifest(tmp_path):
    write_corpus(tmp_path)
    articles, errors = split(read_inputs([str(tmp_path)], outlet="Given Outlet"))
    assert errors == []
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == ["alpha", "beta", "delta", "gamma"]
    assert by_id["alpha"].title == "Alpha title"
    assert by_id["alpha"].published == "2024-01-05"
    assert by_id["alpha"].outlet == "Given Outlet"  # manifest outlet null = unknown
    assert by_id["beta"].title == "Beta from front matter"  # the file beats the manifest
    assert by_id["beta"].outlet == "Manifest Times"  # the manifest beats the caller
    assert by_id["gamma"].title is None  # sub/ has no manifest
    assert by_id["delta"].title == "Mediators propose prisoner exchange framework"


def test_bad_manifest_line_is_reported_and_files_still_read(tmp_path):
    (tmp_path / "a.txt").write_text("Some story text.\n")
    (tmp_path / "meta.csv").write_text("title,outlet\nNo file column,Somewhere\n")
    articles, errors = split(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["a"]
    assert [(e.stage, e.message) for e in errors] == [("manifest", "record has no 'file'")]


def test_seed_corpus_manifest(tmp_path):
    if not (SEEDS / "meta.jsonl").exists():
        pytest.skip("shared seed corpus not available")
    articles, errors = split(read_inputs([str(SEEDS)]))
    assert errors == []
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"kyiv-independent-dollars-diplomacy", "openness-to-cooperation"}
    assert by_id["openness-to-cooperation"].outlet is None
    assert by_id["openness-to-cooperation"].published == "2025-03-05"
    assert by_id["kyiv-independent-dollars-diplomacy"].outlet == "Kyiv Independent"


def test_globs(tmp_path):
    write_corpus(tmp_path)
    articles, _ = split(read_inputs([str(tmp_path / "*.txt")]))
    assert [a.id for a in articles] == ["alpha"]
    articles, _ = split(read_inputs([str(tmp_path / "**" / "*.txt")]))
    assert sorted(a.id for a in articles) == ["alpha", "gamma"]
    error = only_error(tmp_path / "*.docx")
    assert error.message == "no supported files match this pattern"


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path):
    write_corpus(tmp_path)
    (tmp_path / "sub" / "alpha.txt").write_text("Another alpha, different folder.\n")
    articles, _ = split(read_inputs([str(tmp_path)]))
    ids = [a.id for a in articles]
    assert "alpha" in ids and "alpha-2" in ids
    assert len(ids) == len(set(ids))


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Talks resumed in Lisk on Monday.\n"))
    article = one("-", outlet="Piped")
    assert (article.id, article.text, article.outlet, article.source) == (
        "stdin",
        "Talks resumed in Lisk on Monday.",
        "Piped",
        "-",
    )
    lines = '{"id": "a1", "text": "First."}\n{"id": "a2", "text": "Second."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    articles, errors = split(read_inputs(["-"]))
    assert [a.id for a in articles] == ["a1", "a2"]
    assert errors == []


def test_max_items_stops_early(tmp_path):
    write_corpus(tmp_path)
    articles, _ = split(read_inputs([str(tmp_path)], options=IngestOptions(max_items=2)))
    assert len(articles) == 2


# --- bad input ------------------------------------------------------------------------


def test_missing_path():
    error = only_error("/no/such/parley/input.txt")
    assert (error.stage, error.message) == ("read", "no such file or directory")


def test_batch_carries_on_after_a_bad_item(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A perfectly good story.\n")
    articles, errors = split(read_inputs([str(tmp_path / "missing.txt"), str(good)]))
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert only_error(path).message == "binary file"


def test_empty_and_whitespace_only_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n\n")
    articles, errors = split(read_inputs([str(tmp_path)]))
    assert articles == []
    assert [e.message for e in errors] == ["empty file", "empty file"]


def test_invalid_utf8_is_refused_with_its_offset(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes("Café talks in Genève ".encode() + b"\xc3\x28 continued.")
    assert only_error(path).message == "invalid UTF-8 (byte 0xc3 at offset 23)"
    stray = tmp_path / "stray.txt"
    stray.write_bytes(b"Talks resumed \x8f\x90\x81 in Lisk on Monday.")
    assert only_error(stray).message.startswith("invalid UTF-8 (byte 0x8f at offset 14)")


def test_legacy_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    text = "Le ministre a déclaré à Genève que les négociations reprendront “bientôt”."
    path.write_bytes(text.encode("cp1252"))
    assert one(path).text == text


def test_gzip_is_read_and_truncated_gzip_is_an_error(tmp_path):
    good = tmp_path / "story.txt.gz"
    good.write_bytes(gzip.compress(b"A compressed story about a treaty.\n" * 50))
    article = one(good)
    assert article.id == "story"
    assert article.text.startswith("A compressed story about a treaty.")
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"Another story, cut short in transit.\n" * 400)[:-40])
    error = only_error(cut)
    assert error.stage == "read"
    assert error.message.startswith("truncated or corrupt gzip")


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("builtins.open", no_reading)
    assert only_error(path).message == "file too large (50.0 MB > 20.0 MB limit)"


def test_gzip_bomb_is_cut_off(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 3_000_000))
    error = only_error(path, options=IngestOptions(max_bytes=1_000_000))
    assert error.message == "file too large (over the 1.0 MB limit)"


def test_unsupported_extension_named_explicitly(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert only_error(path).message.startswith("unsupported file type .pdf")


# --- helpers --------------------------------------------------------------------------


def test_normalise_text():
    raw = "\ufeffLine one  \r\nLine two\r\n\r\n\r\n\r\nCafe\u0301 closing\t \n\n"
    assert normalise_text(raw) == "Line one\nLine two\n\nCafé closing"


def test_content_hash_ignores_case_and_spacing():
    assert content_hash("The  Talks\nended.") == content_hash("the talks ended.  ")
    assert content_hash("The talks ended.") != content_hash("The talks resumed.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("soon", None),
        ("", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected
