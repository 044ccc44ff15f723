#!/usr/bin/env bash
# Benchmark of the packaged service (production build and profile) on this machine:
#   - start-up time and resident memory after start and after load;
#   - throughput and latency of GET /v1/payments/{id} (API key check, one PostgreSQL read).
# It starts a throw-away PostgreSQL from Debian's `postgresql` package on a private port and points the
# service at it, with DOKU unreachable (reads do not call DOKU). Loopback only; bounded in time.
# Usage: scripts/bench.sh [duration-seconds]   (installs wrk and postgresql with apt-get if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
PG_PORT=55433; HTTP_PORT=18081; MGMT_PORT=19001
WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  su postgres -c "$PGBIN/pg_ctl -D $WORK/data stop -m fast" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

chown postgres "$WORK"
su postgres -c "$PGBIN/initdb -D $WORK/data -A trust -U gateway >/dev/null"
su postgres -c "$PGBIN/pg_ctl -D $WORK/data -o '-p $PG_PORT -k $WORK' -l $WORK/pg.log start >/dev/null"
su postgres -c "$PGBIN/createdb -h $WORK -p $PG_PORT -U gateway gateway"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

export DOKU_CLIENT_ID=MCH-BENCH DOKU_SECRET_KEY=bench-secret GATEWAY_API_KEYS=bench:bench-key \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:$PG_PORT/gateway \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/gateway \
  QUARKUS_DATASOURCE_USERNAME=gateway QUARKUS_DATASOURCE_PASSWORD=unused \
  QUARKUS_HTTP_PORT=$HTTP_PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT DOKU_BASE_URL=http://127.0.0.1:9 \
  QUARKUS_LOG_LEVEL=WARN
START=$(date +%s%N)
java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf "localhost:$MGMT_PORT/q/health/ready" >/dev/null; do
  sleep 0.1
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
done
echo "ready after: $(( ($(date +%s%N) - START) / 1000000 )) ms"
echo "RSS after start: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MiB"

# One payment row to read (no DOKU in this setup, so it is written straight to the table).
psql -h "$WORK" -p $PG_PORT -U gateway -d gateway -q -c "INSERT INTO payments (id, client_name, invoice_number,
  amount, flow, payment_type, status, doku_request_id, created_at, updated_at)
  VALUES ('pay_bench', 'bench', 'INV-BENCH-1', 90000, 'PAYMENT_PAGE', 'SALE', 'PENDING', 'req-bench', now(), now())"

wrk -t2 -c32 -d"${DURATION}s" --latency -H 'Authorization: Bearer bench-key' \
  "http://localhost:$HTTP_PORT/v1/payments/pay_bench" | sed -n '1,20p'
echo "RSS after load: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MiB"
