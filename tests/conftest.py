"""Shared fixtures: the pipeline is loaded once per test session (spaCy is slow to load)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_CORPUS = ROOT / "examples" / "corpus"


SERVER_LIFETIME = 300  # seconds: a test server thread stops by then whatever happens


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 for one test module; yields its base URL. Its request
    loop is bounded in time, so a hung test cannot leave it running."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.timeout = 0.05
    stop = threading.Event()

    def serve() -> None:
        deadline = time.monotonic() + SERVER_LIFETIME
        while not stop.is_set() and time.monotonic() < deadline:
            httpd.handle_request()  # returns after one request or httpd.timeout

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        httpd.server_close()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data sits beside the repo only in CI "
                    "and on the project's machines")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from parley.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code a text as an article published on a date; returns the CodedArticle."""
    from parley.pipeline import article_from_text

    def run(text: str, published: str = "2025-03-05"):
        article = article_from_text(text, article_id="test", published=published)
        return next(iter(pipeline.code([article])))

    return run


@pytest.fixture(scope="session")
def coded_store(pipeline, tmp_path_factory):
    """The sample corpus plus the seed articles (when ../shared is present), coded once."""
    from parley import workflows
    from parley.store import Store

    store = Store(str(tmp_path_factory.mktemp("coded") / "corpus.db"))
    inputs = [str(SAMPLE_CORPUS)]
    if (SHARED / "corpus" / "seeds").is_dir():
        inputs.append(str(SHARED / "corpus" / "seeds"))
    workflows.ingest(store, inputs)
    workflows.code(store, pipeline)
    return store
