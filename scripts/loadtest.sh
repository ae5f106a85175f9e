#!/usr/bin/env bash
# What `make loadtest` runs (not part of make test): a PostgreSQL database of
# its own (LOADTEST_DB_NAME, default gnwict_loadtest), then bench/loadtest.py,
# which starts Redis, a search engine node and gunicorn on free ports and
# drives them with wrk. Extra arguments go to bench/loadtest.py.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system_packages.sh
DATABASE_URL="$(TEST_DB_NAME="${LOADTEST_DB_NAME:-gnwict_loadtest}" scripts/postgres.sh)"
export DATABASE_URL
exec .venv/bin/python bench/loadtest.py "$@"
