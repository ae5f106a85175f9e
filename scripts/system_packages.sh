#!/usr/bin/env bash
# Install the Debian packages the test suite drives for real: Chromium (with a
# Chinese font, and npm to install axe-core) for browser tests, Redis for the
# shared cache, gettext for the catalogues, a JDK and Maven for the search
# engine, wrk for the load test. Only what is missing is installed.
set -euo pipefail

# `system_packages.sh search-engine` installs only what the search engine needs
# (for `make run`).
need=()
if [ "${1:-all}" != search-engine ]; then
    command -v chromium >/dev/null || need+=(chromium)
    command -v npm >/dev/null || need+=(npm)
    command -v redis-server >/dev/null || need+=(redis-server)
    command -v msgfmt >/dev/null || need+=(gettext)
    command -v pg_ctlcluster >/dev/null || need+=(postgresql)
    command -v wrk >/dev/null || need+=(wrk)  # make loadtest
    # A Chinese font, so that browser screenshots show 中文 in the language switcher, not empty boxes.
    { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || need+=(fonts-wqy-microhei)
fi
command -v mvn >/dev/null || need+=(maven)
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)

if [ ${#need[@]} -gt 0 ]; then
    echo "system packages: installing ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
