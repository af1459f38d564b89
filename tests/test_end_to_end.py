"""The whole pipeline on the sample corpus and the seed articles, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLE_CORPUS, shared_path


def parley(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli", *args], capture_output=True,
                          text=True, input=stdin, timeout=600, check=False)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("sample") / "sample.db")
    assert parley("ingest", str(SAMPLE_CORPUS), "--db", db).returncode == 0
    assert parley("code", "--db", db).returncode == 0
    return db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    seeds = shared_path("corpus", "seeds")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    assert parley("ingest", *files, "--db", db).returncode == 0
    assert parley("code", "--db", db).returncode == 0
    return db


def events_of(db: str, *args: str) -> list[dict]:
    done = parley("events", "--db", db, "--format", "jsonl", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def countries(side: list[dict]) -> set[str]:
    return {a["country"] for a in side}


def test_demo_codes_the_alaska_summit(sample_db):
    found = [e for e in events_of(sample_db, "--type", "CONSULT")
             if e["date"] == "2025-08-15" and countries(e["actor"]) | countries(e["recipient"])
             == {"USA", "RUS"} and e["event_loc"] and e["event_loc"]["country"] == "USA"]
    assert found, "no USA-RUS CONSULT on 2025-08-15 in Alaska"
    assert any("Anchorage" in (e["event_loc"]["text"] or "") or "Elmendorf" in
               e["event_loc"]["name"] for e in found)


def test_seed_events_have_their_evidence(seeds_db):
    events = events_of(seeds_db)
    def has(date: str, place_country: str, text_part: str) -> bool:
        return any(e["date"] == date and e["event_loc"] and e["event_loc"]["country"]
                   == place_country and text_part in e["text_info"]["text"] for e in events)
    assert has("2025-08-15", "USA", "Alaska")
    assert has("2025-12-02", "RUS", "Moscow")
    assert has("2025-02-18", "SAU", "Saudi Arabia")
    for e in events:
        info = e["text_info"]
        assert info["end"] > info["start"] and e["rule"]


def test_rerunning_ingest_and_code_adds_nothing(sample_db):
    before = json.loads(parley("stats", "--db", sample_db, "--format", "json").stdout)
    again = parley("ingest", str(SAMPLE_CORPUS), "--db", sample_db, "--format", "json")
    assert json.loads(again.stdout)["exact_duplicates"] == before["articles"]
    parley("code", "--db", sample_db)
    after = json.loads(parley("stats", "--db", sample_db, "--format", "json").stdout)
    assert after == before


def test_hidden_events_are_counted(sample_db):
    done = parley("events", "--db", sample_db, "--format", "json")
    shown = json.loads(done.stdout)
    everything = json.loads(parley("events", "--db", sample_db, "--all", "--format",
                                   "json").stdout)
    hidden = len(everything) - len(shown)
    assert hidden > 0 and f"{hidden} negated or hypothetical" in done.stderr
    assert not any({"negation", "hypothetical"} & set(e["mode"]) for e in shown)


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "json"])
def test_every_format_prints(sample_db, fmt):
    done = parley("events", "--db", sample_db, "--format", fmt, "--actor", "RUS")
    assert done.returncode == 0 and "RUS" in done.stdout


def test_show_and_explain(sample_db):
    event = events_of(sample_db, "--type", "CONSULT")[0]
    shown = parley("show", event["text_info"]["article"], "--db", sample_db)
    assert shown.returncode == 0 and event["id"] in shown.stdout
    explained = parley("explain", event["id"], "--db", sample_db)
    assert explained.returncode == 0 and event["rule"] in explained.stdout


def test_extract_codes_a_jsonl_batch_without_storing(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": "Rubio met Lavrov in Riyadh on Tuesday.",
                    "date": "2025-02-20"}) + "\n"
        + json.dumps({"id": "b", "text": "Iran fired missiles at Israel on Saturday.",
                      "date": "2024-04-15"}) + "\n")
    done = parley("extract", str(batch), "--format", "jsonl")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["record"] for r in records} == {"a", "b"}
    assert {r["event"] for r in records} >= {"CONSULT", "ASSAULT"}
    assert not list(tmp_path.glob("*.db"))


def test_extract_reads_stdin(tmp_path):
    done = parley("extract", "-", "--date", "2025-02-20", "--format", "json",
                  stdin="Rubio met Lavrov in Riyadh on Tuesday.")
    record = json.loads(done.stdout)[0]
    assert record["date"] == "2025-02-18" and record["event"] == "CONSULT"


@pytest.mark.parametrize("make_input,problem", [
    (lambda d: str(d / "missing.txt"), "no such file"),
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50) and str(
        d / "bin.txt"), "binary"),
    (lambda d: (d / "empty.txt").write_text("   \n") and str(d / "empty.txt"), "empty"),
    (lambda d: (d / "bad.txt").write_bytes(b"caf\xc3\x28 \xff\xfe plain") and str(
        d / "bad.txt"), "UTF-8"),
])
def test_bad_input_is_one_clear_line_and_changes_nothing(tmp_path, make_input, problem):
    db = str(tmp_path / "t.db")
    good = tmp_path / "good.txt"
    good.write_text("Rubio met Lavrov in Riyadh on Tuesday.\n")
    assert parley("ingest", str(good), "--db", db, "--published", "2025-02-20").returncode == 0
    before = parley("stats", "--db", db, "--format", "json").stdout
    bad = make_input(tmp_path)
    done = parley("ingest", bad, "--db", db)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert problem.lower() in done.stderr.lower() and bad in done.stderr
    after = json.loads(parley("stats", "--db", db, "--format", "json").stdout)
    assert after["articles"] == json.loads(before)["articles"]
    assert after["ingest_errors"] == json.loads(before)["ingest_errors"] + 1


def test_database_in_a_missing_directory(tmp_path):
    done = parley("stats", "--db", str(tmp_path / "nowhere" / "x.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "does not exist" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_csv_columns_are_mapped_from_the_command_line(tmp_path):
    corpus = tmp_path / "wire.csv"
    corpus.write_text('body,headline,pub_date\n"Rubio met Lavrov in Riyadh on Tuesday.",'
                      'Talks,2025-02-20\n')
    db = str(tmp_path / "t.db")
    done = parley("ingest", str(corpus), "--text-field", "body", "--title-field", "headline",
                  "--date-field", "pub_date", "--db", db, "--format", "json")
    assert json.loads(done.stdout)["ingested"] == 1
    parley("code", "--db", db)
    event = events_of(db)[0]
    assert event["date"] == "2025-02-18" and event["event"] == "CONSULT"
