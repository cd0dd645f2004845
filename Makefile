# Everyday commands. `make help` lists them. Each is a thin wrapper over the scripts the README names.
.DEFAULT_GOAL := help
PY := .venv/bin/python
BENCHMARKS := $(wildcard benchmarks/bench_*.py)

.PHONY: help setup demo serve lint format types layers unit integration e2e test test-postgres benchmarks stylesheet

help: ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## make .venv with the pinned dev dependencies and install the pre-commit hook
	scripts/bootstrap dev
	.venv/bin/pre-commit install

demo: ## load the demo region (if not loaded) and serve it on http://127.0.0.1:8000
	scripts/demo

serve: ## serve the current database
	.venv/bin/careforce serve

lint: ## ruff check and ruff format --check
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks

format: ## apply ruff's fixes and formatting
	.venv/bin/ruff check --fix src tests benchmarks
	.venv/bin/ruff format src tests benchmarks

types: ## mypy with django-stubs over the apps and tests (strict on the domain)
	.venv/bin/mypy

layers: ## import-linter layer contracts
	.venv/bin/lint-imports

unit: ## unit tests (the domain, no database)
	.venv/bin/pytest -q tests/unit

integration: ## integration tests on SQLite
	env -u DATABASE_URL .venv/bin/pytest -q tests/integration

e2e: ## end-to-end tests in Debian's Chromium with axe-core
	env -u DATABASE_URL .venv/bin/pytest -q tests/e2e

test-postgres: ## integration tests on PostgreSQL (TEST_DATABASE_URL, default the local server)
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/careforce} .venv/bin/pytest -q tests/integration

test: ## the whole suite, exactly as CI runs it (scripts/test)
	scripts/test

benchmarks: ## every benchmark script in turn (long: minutes each)
	@for b in $(BENCHMARKS); do echo "== $$b"; $(PY) $$b || exit 1; done

stylesheet: ## rebuild the compiled GOV.UK Frontend stylesheet after changing frontend/scss
	cd frontend && npm ci && npm run build
