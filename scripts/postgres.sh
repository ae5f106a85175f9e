#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:${PGPORT:-5432} with the
# role and database the test suite uses. Starts Debian's cluster with
# pg_ctlcluster when nothing is listening. Prints the DATABASE_URL to use.
set -euo pipefail

PGPORT="${PGPORT:-5432}"
DB_NAME="${TEST_DB_NAME:-gnwict}"
DB_USER="${TEST_DB_USER:-gnwict}"
DB_PASSWORD="${TEST_DB_PASSWORD:-gnwict}"

log() { echo "postgres: $*" >&2; }

if ! pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    [ -n "$version" ] || { log "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
        log "creating cluster $version/main"
        pg_createcluster "$version" main -p "$PGPORT" >&2
    fi
    log "starting cluster $version/main on 127.0.0.1:$PGPORT"
    pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$PGPORT" || { log "server did not come up"; exit 1; }
fi

as_postgres() { runuser -u postgres -- "$@"; }

if ! PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB_NAME" -tAc "select 1" >/dev/null 2>&1; then
    log "creating role $DB_USER and database $DB_NAME"
    as_postgres psql -p "$PGPORT" -v ON_ERROR_STOP=1 -q <<SQL >&2
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
SQL
    if ! as_postgres psql -p "$PGPORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
        as_postgres createdb -p "$PGPORT" -O "$DB_USER" "$DB_NAME" >&2
    fi
fi

echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PGPORT/$DB_NAME"
