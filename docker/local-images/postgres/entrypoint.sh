#!/bin/sh
# The first start makes the database cluster with its superuser and database (as the official image does); every
# start then runs the server in the foreground, listening on every address, on PGPORT (5432 unless set).
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is needed}"
user=${POSTGRES_USER:-postgres}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    password_file=$(mktemp)
    printf '%s' "$POSTGRES_PASSWORD" > "$password_file"
    initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" \
        --auth-host=scram-sha-256 --auth-local=trust > /dev/null
    rm -f "$password_file"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    if [ -n "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != postgres ]; then
        pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses='' -k /tmp" --wait start > /dev/null
        createdb --host=/tmp --username="$user" "$POSTGRES_DB"
        pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop > /dev/null
    fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /tmp
