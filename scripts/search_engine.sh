#!/usr/bin/env bash
# Build and run the development OpenSearch node (search/engine) on
# 127.0.0.1:${SEARCH_PORT:-9200}.
#   search_engine.sh start   build if needed, start in the background, wait for health
#   search_engine.sh stop    stop the node this script started
#   search_engine.sh run     build if needed and run in the foreground
#   search_engine.sh build   build if needed
# Arguments after the command (-Ename=value) are node settings, e.g. the
# test suite's two-node cluster. From the environment: SEARCH_PORT (default
# 9200), SEARCH_HEAP (default 512m) and SEARCH_ENGINE_HOME, the node's data,
# logs and pid file (default .search-engine/): a second node on this machine,
# e.g. one with a bigger heap for a benchmark, sets all three (and its own
# -Etransport.port and -Ecluster.name, so it joins no other node).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENGINE="$ROOT/search/engine"
PORT="${SEARCH_PORT:-9200}"
STATE="${SEARCH_ENGINE_HOME:-$ROOT/.search-engine}"
PIDFILE="$STATE/node.pid"
JAR="$ENGINE/target/search-engine-1.0.0.jar"
HEAP="${SEARCH_HEAP:-512m}"
COMMAND="${1:-start}"
shift || true

log() { echo "search engine: $*" >&2; }

build() {
    if [ ! -f "$JAR" ] || [ "$ENGINE/pom.xml" -nt "$JAR" ] || [ -n "$(find "$ENGINE/src" -newer "$JAR" -type f)" ]; then
        log "building with Maven (dependencies cached in ~/.m2)"
        (cd "$ENGINE" && mvn -q -B package -DskipTests) >&2
    fi
}

healthy() { curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

java_cmd() {
    echo java "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseSerialGC -Dlog4j2.disable.jmx=true \
        -cp "$JAR:$ENGINE/target/lib/*" org.gnwict.searchengine.EmbeddedNode "$STATE" "$PORT" "$@"
}

case "$COMMAND" in
    start)
        if healthy; then
            log "already answering on 127.0.0.1:$PORT"
            exit 0
        fi
        build
        mkdir -p "$STATE"
        # shellcheck disable=SC2046
        nohup $(java_cmd "$@") >"$STATE/node.log" 2>&1 &
        echo $! >"$PIDFILE"
        for _ in $(seq 1 120); do
            if healthy; then
                log "ready on http://127.0.0.1:$PORT"
                exit 0
            fi
            if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
                log "the node exited; last lines of $STATE/node.log:"
                tail -n 30 "$STATE/node.log" >&2
                exit 1
            fi
            sleep 1
        done
        log "no answer after 120 s; see $STATE/node.log"
        exit 1
        ;;
    stop)
        if [ -f "$PIDFILE" ]; then
            pid="$(cat "$PIDFILE")"
            if kill "$pid" 2>/dev/null; then
                for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
                log "stopped"
            fi
            rm -f "$PIDFILE"
        fi
        ;;
    run)
        build
        mkdir -p "$STATE"
        # shellcheck disable=SC2046
        exec $(java_cmd "$@")
        ;;
    build)
        build
        ;;
    *)
        echo "usage: $0 start|stop|run|build [-Ename=value ...]" >&2
        exit 2
        ;;
esac
