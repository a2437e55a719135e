# Two entry points: `make run` plays a batch of games, `make test` runs the test suite.
# Both create .venv with Python 3.11 and install what they need.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAMES ?= 20

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,llm]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/traitorsim batch --games $(GAMES)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_http.py
	$(BIN)/python benchmarks/bench_batch.py

clean:
	rm -rf $(VENV)
