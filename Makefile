# The two commands: `make demo` (ingest and code the sample corpus, print events) and
# `make test` (the test suite). Both create .venv when it is missing and are safe to re-run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test install bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/parley ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/parley code --db $(DEMO_DB)
	$(BIN)/parley events --db $(DEMO_DB)
	$(BIN)/parley stats --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/parley bench ../shared/corpus/guardian-2019/articles.jsonl

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
