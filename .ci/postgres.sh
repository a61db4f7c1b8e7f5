# Sourced by .ci/run: a throwaway PostgreSQL for the test run (issue 19). Installs Debian's
# PostgreSQL if no initdb is present, initialises a cluster in a temporary directory (fsync
# off: it is thrown away), starts it on a free local port and exports
# DUBAN_TEST_DATABASE_URL; the cluster is stopped and deleted when the script exits.

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends postgresql
fi
PG_BIN="$(pg_bin)"
PG_DIR="$(mktemp -d)"
# initdb refuses root: as root, the cluster belongs to the postgres user.
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$PG_DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
PG_PORT=54330
while (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do
  PG_PORT=$((PG_PORT + 1))
done
stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U duban --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
export DUBAN_TEST_DATABASE_URL="postgres://duban@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests at $DUBAN_TEST_DATABASE_URL"
