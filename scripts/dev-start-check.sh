#!/usr/bin/env bash
# A newcomer's first run, checked: starts `./mvnw quarkus:dev` as the README says (embedded PostgreSQL,
# DOKU emulator), waits until it is ready, creates one payment page, stops it, and fails if the log
# has any WARN or ERROR line other than the known upstream ones listed below. Bounded in time.
# Usage: scripts/dev-start-check.sh [COMMAND...]
#   COMMAND, if given, runs while dev mode is up, after the first-run check and before the log is read,
#   so one dev-mode start serves both: CI runs `scripts/dev-start-check.sh scripts/check-docs --running`.
#   Its failure fails this script; WARN/ERROR lines it causes fail it too.
# Ports: DEV_HTTP_PORT (8080) and DEV_MANAGEMENT_PORT (9000), exported to COMMAND; the emulator takes 8090.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=target/dev-start-check.log
TIMEOUT=${DEV_START_TIMEOUT:-240}
export DEV_HTTP_PORT=${DEV_HTTP_PORT:-8080} DEV_MANAGEMENT_PORT=${DEV_MANAGEMENT_PORT:-9000}
mkdir -p target

# Upstream noise that is not the project's making, each with where it is tracked.
KNOWN=(
  # Quarkus 3.33.2 registers the Vert.x SQL client's pool-queue gauge (new with
  # https://github.com/eclipse-vertx/vertx-sql-client/pull/1455) twice for the one pool; the first
  # registration stands. No upstream issue found yet. (3.31's netty.eventexecutor.workers twin is gone.)
  "This Gauge has been already registered (MeterId{name='postgresql.queue.size'"
  # Sometimes (2 of 4 starts on 2026-12-07, in dev mode and in a test profile's first DOKU call alike) the
  # REST client's HTTP client gauge for DOKU is registered twice at its first call after start; the first
  # registration stands and the metric is scraped as usual. Not traced to its cause yet; the gateway
  # registers no such gauge itself (Quarkus's Micrometer binder for Vert.x HTTP clients does).
  "This Gauge has been already registered (MeterId{name='http.client.active.connections', tags=[tag(clientName=doku)]})"
  # openapi-generator (the test client, generated in dev mode too) renders one request example into its
  # docs; POST /v1/three-d-secure documents two on purpose (a card number, a saved card's token).
  "[WARNING] Ignoring complex example on request body"
  # openapi-generator again (the test client, generated on the way to dev mode): it logs this while it
  # resolves the free-keyed Metadata map (additionalProperties) of payments; the client compiles and
  # GeneratedClientTest's metadata round trip passes.
  "[WARNING] Failed to get the schema name: null"
)

GATEWAY_PUBLIC_URL=http://localhost:$DEV_HTTP_PORT ./mvnw -B -ntp quarkus:dev -Dquarkus.console.enabled=false \
  -Dquarkus.analytics.disabled=true -Dquarkus.http.port="$DEV_HTTP_PORT" -Dquarkus.management.port="$DEV_MANAGEMENT_PORT" \
  >"$LOG" 2>&1 &
DEV_PID=$!
stop() { kill "$DEV_PID" 2>/dev/null || true; wait "$DEV_PID" 2>/dev/null || true; }
trap stop EXIT

deadline=$((SECONDS + TIMEOUT))
until curl -fs -o /dev/null "http://localhost:$DEV_MANAGEMENT_PORT/q/health/ready"; do
  if ! kill -0 "$DEV_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "dev mode did not become ready within ${TIMEOUT}s; last lines of $LOG:"; tail -40 "$LOG"; exit 1
  fi
  sleep 2
done
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$DEV_HTTP_PORT/v1/payments" \
  -H 'Authorization: Bearer dev-key' -H 'Content-Type: application/json' \
  -d "{\"invoice_number\":\"INV-DEVCHECK-$RANDOM$RANDOM\",\"amount\":10000,\"customer\":{\"email\":\"dev@example.com\"}}")
command_status=0
if [ $# -gt 0 ]; then
  "$@" || command_status=$?
fi
# Hibernate's schema validation reports on its own thread just after start: give it a moment.
sleep 5
# Only what dev mode logged while it ran: stopping it (SIGTERM) makes Maven report the dev-mode process's
# exit status as a build failure, which says nothing about the project.
lines_while_running=$(wc -l <"$LOG")
stop
trap - EXIT

problems=$(head -n "$lines_while_running" "$LOG" | grep -E '^[0-9-]+ [0-9:,]+ (WARN|ERROR) |\[(WARNING|ERROR)\]' || true)
for known in "${KNOWN[@]}"; do
  problems=$(printf '%s\n' "$problems" | grep -vF "$known" || true)
done
problems=$(printf '%s\n' "$problems" | sed '/^$/d')
if [ "$status" != "201" ]; then
  echo "dev mode answered $status to a payment page request (expected 201); see $LOG"; exit 1
fi
if [ "$command_status" != 0 ]; then
  echo "while dev mode ran, '$*' failed (exit $command_status)"; exit 1
fi
if [ -n "$problems" ]; then
  echo "dev mode's first run logged WARN/ERROR lines (see $LOG):"; printf '%s\n' "$problems"; exit 1
fi
echo "dev mode's first run: ready, a payment page created${*:+, '$*' passed}, no WARN or ERROR of the project's making"
