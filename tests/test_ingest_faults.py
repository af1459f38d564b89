"""Hostile and broken input through the real `parley` command: each fault is reported on
one line, recorded in ingest_errors, and loses nothing already stored.

The command runs as a subprocess of the installed console script (`python -m parley.cli`
does nothing: cli.py has no ``__main__`` guard). Each CLI start imports spaCy (~3 s),
so the single-input fault runs are started together and checked one by one.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import local_server

from parley import workflows
from parley.store import Store, ingest_errors

PARLEY = Path(sys.executable).with_name("parley")
BROKEN_FEED = Path(__file__).parent / "fixtures" / "ingest" / "feeds" / "broken.rss"
GOOD_TEXT = "Negotiators from both delegations met in Geneva on Monday to discuss a prisoner swap."
SLOW_SECONDS = 12  # longer than the CLI's 10 s fetch timeout
CORPUS_SIZE = 1500  # enough for a kill mid-run; each stored article costs ~10 ms here

# The test server stands in for a public news site: its own URL is trusted as a public
# address would be, and every other hop (the redirect to 127.0.0.1) gets the real checks.
TRUST_FIRST_HOP = """
import sys
from parley import fetch
first, check_url, check_peer = sys.argv[2], fetch.check_url, fetch._check_peer
fetch.check_url = lambda url, allow_private=False: check_url(
    url, allow_private=allow_private or url == first)
fetch._check_peer = lambda url, response, allow_private: check_peer(
    url, response, allow_private or url == first)
from parley.cli import main
main()
"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/error":
            self.send_error(500)
        elif self.path == "/slow":
            self.slow()
        elif self.path == "/to-loopback":
            host, port = self.server.server_address[:2]
            self.send_response(302)
            self.send_header("Location", f"http://{host}:{port}/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            body = f"<html><body><article><p>{GOOD_TEXT} Again.</p></article></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

    def slow(self) -> None:
        deadline = time.monotonic() + SLOW_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.1)
        try:
            self.send_error(503)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the test expects

    def log_message(self, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(Handler) as url:
        yield url


def parley(*args: str) -> list[str]:
    assert PARLEY.exists(), f"{PARLEY} is missing: install the package into the venv"
    return [str(PARLEY), *args]


def stored(db: Path) -> list[tuple[str, str, str]]:
    store = Store(str(db))
    try:
        return [(a.id, a.text, a.content_hash) for a in store.articles(include_duplicates=True)]
    finally:
        store.engine.dispose()


def recorded_errors(db: Path) -> list[tuple[str, str, str]]:
    store = Store(str(db))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(ingest_errors.c.input, ingest_errors.c.stage,
                                          ingest_errors.c.message))
            return [tuple(row) for row in rows]
    finally:
        store.engine.dispose()


def assert_one_line_error(stderr: str, *fragments: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one error line, got:\n{stderr}"
    assert lines[0].startswith("error"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


# --- kill -9 and resume -------------------------------------------------------------------


def write_corpus(path: Path, size: int) -> dict[str, str]:
    """Distinct random-word articles (no two near-duplicates), keyed by id."""
    rng = random.Random(6)
    vocabulary = ["".join(rng.choice("aeioubdgklmnprstvz") for _ in range(rng.randint(3, 9)))
                  for _ in range(4000)]
    articles = {f"item-{n}": " ".join(rng.choices(vocabulary, k=40)) for n in range(size)}
    with path.open("w") as out:
        for article_id, text in articles.items():
            out.write(json.dumps({"id": article_id, "text": text, "outlet": "Wire"}) + "\n")
    return articles


def article_count(db: Path) -> int:
    """Rows stored so far, read without disturbing the writer; 0 before the schema exists."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_kill_during_ingest_then_resume_stores_every_article_once(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "killed.db"
    articles = write_corpus(corpus, CORPUS_SIZE)
    process = subprocess.Popen(parley("ingest", str(corpus), "--db", str(db)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while article_count(db) < 50:
        assert process.poll() is None, "ingest finished before it could be killed"
        assert time.monotonic() < deadline, "ingest stored nothing within 60 s"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL
    at_kill = article_count(db)
    assert 50 <= at_kill < CORPUS_SIZE

    rerun = subprocess.run(parley("ingest", str(corpus), "--db", str(db), "--format", "json"),
                           capture_output=True, text=True, check=False, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["exact_duplicates"] == at_kill
    assert summary | {"exact_duplicates": 0} == {
        "ingested": CORPUS_SIZE - at_kill, "exact_duplicates": 0, "near_duplicates": 0,
        "errors": 0}
    rows = stored(db)
    assert len(rows) == CORPUS_SIZE
    assert len({content for _, _, content in rows}) == CORPUS_SIZE
    assert {article_id: text for article_id, text, _ in rows} == articles


# --- one bad input after a good one -------------------------------------------------------


@dataclass
class Fault:
    target: str  # the input as the error names it
    stage: str
    message: str  # a fragment of the recorded message


def make_faults(root: Path, server: str) -> dict[str, Fault]:
    truncated = root / "truncated.txt.gz"
    whole = gzip.compress(GOOD_TEXT.encode() * 200)
    truncated.write_bytes(whole[: len(whole) // 2])
    binary = root / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4000))
    huge = root / "huge.txt"
    with huge.open("wb") as out:
        for _ in range(50):
            out.write(b"talks " * 166_667)
    invalid = root / "invalid-utf8.txt"
    invalid.write_bytes("Café talks in Genève resumed".encode() + b" \xff\xfe on Monday.")
    empty = root / "empty.txt"
    empty.write_bytes(b"")
    feed = root / "broken.rss"
    feed.write_bytes(BROKEN_FEED.read_bytes())
    return {
        "truncated gzip": Fault(str(truncated), "read", "truncated or corrupt gzip"),
        "binary file": Fault(str(binary), "read", "binary file"),
        "50 MB file": Fault(str(huge), "read", "file too large (50.0 MB > 20.0 MB limit)"),
        "invalid UTF-8": Fault(str(invalid), "read", "invalid UTF-8 (byte 0xff at offset 31)"),
        "malformed feed": Fault(str(feed), "parse", "malformed feed ("),
        "HTTP 500": Fault(f"{server}/error", "fetch", "HTTP 500 Internal Server Error"),
        "timeout": Fault(f"{server}/slow", "fetch", "timed out"),
        "redirect to 127.0.0.1": Fault(f"{server}/to-loopback", "fetch",
                                       f"{server}/page: refusing non-public address 127.0.0.1"),
        "missing path": Fault(str(root / "absent.txt"), "read", "no such file or directory"),
        "empty file": Fault(str(empty), "read", "empty file"),
    }


@dataclass
class Run:
    """One CLI run over bad inputs, on a database that already held a good article."""

    db: Path
    returncode: int
    stderr: str


def run_on_seeded_db(db: Path, good_file: Path, command: list[str]) -> subprocess.Popen:
    store = Store(str(db))
    workflows.ingest(store, [str(good_file)])
    store.engine.dispose()
    return subprocess.Popen([*command, "--db", str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def faults(tmp_path_factory, server) -> tuple[dict[str, Fault], dict[str, Run]]:
    """Every fault but the redirect in one `parley ingest`; the redirect in a second run.

    The runs start together: each CLI start costs seconds and the timeout case ten more.
    """
    root = tmp_path_factory.mktemp("faults")
    good_file = root / "good.txt"
    good_file.write_text(GOOD_TEXT)
    found = make_faults(root, server)
    redirect = found["redirect to 127.0.0.1"]
    batch = [f.target for name, f in found.items() if f is not redirect]
    commands = {
        "batch": parley("ingest", *batch, "--allow-private"),
        "redirect": [sys.executable, "-c", TRUST_FIRST_HOP, "ingest", redirect.target],
    }
    started = {}
    for name, command in commands.items():
        db = root / f"{name}.db"
        started[name] = (db, run_on_seeded_db(db, good_file, command))
    runs = {}
    for name, (db, process) in started.items():
        _, stderr = process.communicate(timeout=90)
        runs[name] = Run(db, process.returncode, stderr)
    return found, runs


FAULTS = ["truncated gzip", "binary file", "50 MB file", "invalid UTF-8", "malformed feed",
          "HTTP 500", "timeout", "redirect to 127.0.0.1", "missing path", "empty file"]


@pytest.mark.parametrize("name", FAULTS)
def test_fault_is_reported_on_one_line_and_recorded(faults, name):
    found, runs = faults
    fault = found[name]
    run = runs["redirect" if name == "redirect to 127.0.0.1" else "batch"]
    lines = [line for line in run.stderr.splitlines() if line.startswith(f"error {fault.target}: ")]
    assert len(lines) == 1, run.stderr
    assert fault.message in lines[0], run.stderr
    recorded = [row for row in recorded_errors(run.db) if row[0] == fault.target]
    assert len(recorded) == 1
    ((_, stage, message),) = recorded
    assert stage == fault.stage
    assert fault.message in message


@pytest.mark.parametrize("name", ["batch", "redirect"])
def test_bad_inputs_fail_the_run_cleanly_and_lose_nothing(faults, name):
    found, runs = faults
    run = runs[name]
    expected_errors = len(found) - 1 if name == "batch" else 1
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert all(line.startswith("error ") for line in lines), run.stderr  # one line per error
    assert len(lines) == expected_errors
    assert len(recorded_errors(run.db)) == expected_errors
    ((article_id, text, _),) = stored(run.db)
    assert (article_id, text) == ("good", GOOD_TEXT)


def test_database_in_a_missing_directory_is_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = subprocess.run(parley("ingest", str(good), "--db", "/nonexistent/dir/x.db"),
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "/nonexistent/dir/x.db: cannot open database",
                          "/nonexistent/dir does not exist")
    assert not os.path.exists("/nonexistent/dir")
