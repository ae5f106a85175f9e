#!/usr/bin/env bash
# What `make run` does: the demo site on http://127.0.0.1:${PORT:-8000} with
# SQLite, and the real search engine when this machine can run it.
#
# Search: SEARCH_URL if it is set (empty means the database search); else an
# engine already answering on 127.0.0.1:${SEARCH_PORT:-9200}; else the
# development node (search/engine), started in the background when Java 17+
# and Maven are there (installed by scripts/system_packages.sh where it can)
# and stopped when the server stops; else the database search. One line says
# which readers get, and why (RUN_INSTALL_PACKAGES=0: never install packages).
# The server does not reload on code changes
# (starting twice as fast); RUNSERVER_OPTIONS= make run gives the reloader back.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT="${PORT:-8000}"
SEARCH_PORT="${SEARCH_PORT:-9200}"
export SEARCH_PORT
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
# Readers of the demo see the site's own pages, its localised 404 included,
# not Django's debugging pages (DEBUG=1 make run brings those back).
export DEBUG="${DEBUG:-0}"

say() { echo "make run: $*"; }

java_ok() {
    command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 || return 1
    local major
    major="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)"
    [ -n "$major" ] && [ "$major" -ge 17 ]
}

engine_answers() { curl -fsS -m 2 "http://127.0.0.1:$SEARCH_PORT" >/dev/null 2>&1; }

started_engine=""
stop_engine() {
    if [ -n "$started_engine" ]; then
        say "stopping the search engine node"
        scripts/search_engine.sh stop || true
    fi
}
trap stop_engine EXIT

if [ -n "${SEARCH_URL+set}" ]; then
    if [ -n "$SEARCH_URL" ]; then
        search_line="the search engine at SEARCH_URL ($SEARCH_URL)"
    else
        search_line="the database search (SEARCH_URL is set empty)"
    fi
elif engine_answers; then
    export SEARCH_URL="http://127.0.0.1:$SEARCH_PORT"
    search_line="the search engine already running on $SEARCH_URL"
else
    if ! java_ok && [ "${RUN_INSTALL_PACKAGES:-1}" = 1 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing Java and Maven for the search engine (scripts/system_packages.sh)"
        scripts/system_packages.sh search-engine || say "could not install them"
    fi
    if ! java_ok; then
        search_line="the database search, because Java 17+ and Maven are not installed (the search engine needs them)"
    else
        # The node starts while the database is prepared; we wait for it below.
        say "starting the search engine node on 127.0.0.1:$SEARCH_PORT in the background (the first build downloads its jars)"
        started_engine=1
        scripts/search_engine.sh start &
        engine_job=$!
    fi
fi

$PY scripts/check_messages.py --compile
$PY manage.py prepare_demo_site

if [ -n "${engine_job:-}" ]; then
    say "waiting for the search engine node"
    if wait "$engine_job"; then
        export SEARCH_URL="http://127.0.0.1:$SEARCH_PORT"
        search_line="the search engine started on $SEARCH_URL (stopped with the server)"
    else
        search_line="the database search, because the search engine node did not start (see .search-engine/node.log)"
    fi
fi
say "building the search indexes"
if ! $PY manage.py update_index --if-stale; then
    search_line="the database search for now: the engine's indexes could not be built (is ${SEARCH_URL:-the engine} answering?)"
fi
say "search: readers get $search_line."
say "serving http://127.0.0.1:$PORT/ (Ctrl-C stops)"
# In the background so that Ctrl-C or a TERM reaches this script, which stops
# the server and then (EXIT trap) the search engine node it started.
# shellcheck disable=SC2086
$PY manage.py runserver --skip-checks "127.0.0.1:$PORT" ${RUNSERVER_OPTIONS---noreload} &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" || true; exit 0' INT TERM
wait "$server"
