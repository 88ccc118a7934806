# Wanqu's everyday commands; the README describes each. `.ci/run` calls these same targets.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Rebuilt only when pyproject.toml changes, so every target below starts fast.
STAMP := $(VENV)/.installed-stamp

# The one test command: `make test` here, and `.ci/run` on SQLite and on PostgreSQL.
# Extra pytest arguments: make test TEST_ARGS='-k serve -x'
PYTEST := $(BIN)/python -m pytest
TEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv demo serve test lint lint-ruff lint-format lint-check lint-migrations lint-mypy fmt clean

help:
	@echo "make demo    set up .venv, load the demo programme, serve it on http://127.0.0.1:8000/"
	@echo "make serve   serve what is already in the data dir"
	@echo "make test    run the whole test suite (SQLite, or WANQU_DATABASE_URL)"
	@echo "make lint    ruff, ruff format --check, wanqu check, makemigrations --check, mypy"
	@echo "make fmt     apply ruff's fixes and formatting"
	@echo "make clean   remove .venv, caches and ./var (the demo database and its secret key)"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

demo: venv
	$(BIN)/wanqu demo
	$(BIN)/wanqu collectstatic --noinput --verbosity 0
	$(BIN)/wanqu serve --no-collectstatic

serve: venv
	$(BIN)/wanqu serve

# pytest exits 5 when it collects no tests: for this project that is a failure, said plainly.
test: venv
	@$(PYTEST) $(TEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests; counting that as a failure" >&2; exit 1; fi; \
	exit $$rc

lint: lint-ruff lint-format lint-check lint-migrations lint-mypy

lint-ruff: venv
	$(BIN)/ruff check .

lint-format: venv
	$(BIN)/ruff format --check .

lint-check: venv
	$(BIN)/wanqu check --fail-level WARNING

lint-migrations: venv
	$(BIN)/wanqu makemigrations --check --dry-run

lint-mypy: venv
	$(BIN)/mypy wanqu

fmt: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var build .mypy_cache .ruff_cache .pytest_cache wanqu.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
