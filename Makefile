# The two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.12
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help run test loadtest search-engine search-engine-stop messages lint format worker bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed ## Serve the demo site with SQLite and the search engine on http://127.0.0.1:8000
	@scripts/run.sh

test: $(VENV)/.installed-test ## Run all checks and tests on PostgreSQL and the search engine
	scripts/test.sh

loadtest: $(VENV)/.installed-test ## Load test (not in make test): gunicorn on PostgreSQL, Redis and a search node, 64 connections for 60 s, a worker killed and the engine restarted mid-run
	scripts/loadtest.sh

search-engine: ## Build and run the development OpenSearch node on 127.0.0.1:9200
	scripts/search_engine.sh run

search-engine-stop: ## Stop a node started in the background by the test command
	scripts/search_engine.sh stop

messages: $(VENV)/.installed ## Update locale/ catalogues from the code and templates
	$(PY) scripts/check_messages.py --update

lint: $(VENV)/.installed-test ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test ## Format the Python code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: $(VENV)/.installed ## Run the background task worker (with TASKS_BACKEND=database)
	$(PY) manage.py db_worker

bench: $(VENV)/.installed-test ## Benchmark pages and API on gunicorn, PostgreSQL and Redis (not part of make test)
	scripts/system_packages.sh
	$(PY) bench/pages.py $(BENCH_ARGS)
