# One task runner. Every target sets up what it needs first (a virtualenv in .venv).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup run test eval bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## run: set up, then extract the example readouts shipped in the package and show them
run: setup
	$(VENV)/bin/readouts show $$($(VENV)/bin/readouts examples)

## test: set up, then run the test suite
test: setup
	$(PY) -m pytest

## eval: accuracy against the gold data in ../shared (figures into docs/benchmarks.md)
eval: setup
	$(PY) tools/evaluate.py --write-docs docs/benchmarks.md
	$(PY) tools/evaluate_events.py --write-docs docs/benchmarks.md

## bench: speed and memory against spaCy's full pipeline (figures into docs/benchmarks.md)
bench: setup
	$(PY) tools/bench.py --write-docs docs/benchmarks.md

## lint: ruff over everything, mypy over the package
lint: setup
	$(PY) -m ruff check readouts tests tools
	$(PY) -m mypy

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
