# Two commands for a fresh machine (Python 3.11+):
#   make run    installs into .venv and starts the terminal bot
#   make test   installs into .venv with the test extra and runs the tests
# An install is redone only when pyproject.toml changes, so later runs start at once and offline.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test bench quality clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/python -m bot repl

test: install-test
	$(BIN)/python -m pytest

quality: install
	$(BIN)/python -m bot eval corpus/questions/

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	-$(BIN)/python benchmarks/lucene.py fetch $(VENV)/lucene $(LUCENE_WHEEL)  # Lucene's jar, once (offline from a kept pyserini wheel: LUCENE_WHEEL=...); the run notes it if missing
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
