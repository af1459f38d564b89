"""Shared fixtures: the pipeline is loaded once per test session (spaCy is slow to load)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_CORPUS = ROOT / "examples" / "corpus"


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
