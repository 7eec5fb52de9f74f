# Two commands do all the set-up on a fresh Debian machine:
#   make build   – install what is needed, then build the cards from source/ into build/
#   make test    – install what is needed, then lint, type-check and run the tests
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin

.PHONY: setup build test test-fast lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml scripts/system-deps
	./scripts/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: setup
	$(BIN)/cardgen build

lint: setup
	$(BIN)/ruff check cardgen tests benchmarks
	$(BIN)/ruff format --check cardgen tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest

# The unit tests only (no real Anki, no PDF, no fuzzing): under 30 s, for a quick check while editing.
test-fast: setup
	$(BIN)/python -m pytest -m "not slow" -q

clean:
	find build -mindepth 1 ! -name .gitignore -exec rm -rf {} +
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
