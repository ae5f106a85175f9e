#!/usr/bin/env bash
# What `make test` runs: start PostgreSQL and the search engine on 127.0.0.1,
# then every check and the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python

scripts/system_packages.sh
DATABASE_URL="$(scripts/postgres.sh)"
export DATABASE_URL
export SEARCH_URL="${SEARCH_URL:-http://127.0.0.1:9200}"
export DJANGO_SETTINGS_MODULE=cms.settings.test

if [ "$SEARCH_URL" = "http://127.0.0.1:9200" ] && ! curl -fsS "$SEARCH_URL" >/dev/null 2>&1; then
    scripts/search_engine.sh start
    trap 'scripts/search_engine.sh stop' EXIT
fi

# axe-core for the browser tests' accessibility checks, from package-lock.json.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error >&2
    cp package-lock.json node_modules/.installed-lock.json
fi
$PY scripts/check_messages.py --compile
echo "== manage.py check"
$PY manage.py check
echo "== makemigrations --check"
$PY manage.py makemigrations --check --dry-run
echo "== translation catalogues"
$PY scripts/check_messages.py
echo "== ruff"
.venv/bin/ruff check --quiet .
echo "== pytest"
$PY -m pytest "$@"
