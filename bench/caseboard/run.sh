#!/usr/bin/env bash
# The case board benchmark: builds Qibao, starts it in its own JVM against the given PostgreSQL and
# Redis, writes a district of grids, grid workers and cases, and drives the grid workers' two
# screens with the web client's own queries (the case board and the six-month KPIs): p99 at the
# field's cadence, throughput with every grid worker at once, and the SQL statements each request
# costs on the server. Not part of `mvn verify`. See bench/caseboard/README.md.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/qibao_bench SPRING_DATASOURCE_USERNAME=postgres \
#   SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/8 bench/caseboard/run.sh
#
# BENCH_GRIDS (200: one grid worker each), BENCH_CASES_PER_GRID (100), BENCH_WARMUP_S (60),
# BENCH_PHASE_S (30 per phase, four phases a run), BENCH_RUNS (3), BENCH_QUICK=1 (20 grids, 5 s),
# BENCH_RESULT (a file for the JSON result), BENCH_PORT (18380; the statement count on the next port),
# BENCH_SERVER_OPTS / BENCH_DRIVER_OPTS (more JVM options).
# Server and driver share the machine's two cores: no taskset, as bench/location does (pinning
# each to one core of two is no fairer); the driver reports how late its paced sends were.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
PORT="${BENCH_PORT:-18380}"
STATEMENTS_PORT=$((PORT + 1))
: "${SPRING_DATASOURCE_URL:?give the PostgreSQL to write the district in}"
: "${SPRING_DATA_REDIS_URL:?give the Redis}"
GRIDS="${BENCH_GRIDS:-200}"
PER_GRID="${BENCH_CASES_PER_GRID:-100}"
WARMUP="${BENCH_WARMUP_S:-60}"
PHASE="${BENCH_PHASE_S:-30}"
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  GRIDS="${BENCH_GRIDS:-20}"; WARMUP="${BENCH_WARMUP_S:-5}"; PHASE="${BENCH_PHASE_S:-5}"
fi

# Qibao and the bench's sources, built by bench/lib.sh
source bench/lib.sh
# the paced/closed-loop HTTP driver of bench/location is shared, not copied
bench_build caseboard bench/caseboard/*.java \
  bench/location/HttpDriver.java bench/location/LocationLoad.java \
  src/test/java/org/qibao/WebClientDocuments.java
CLASSES="$BUILD/caseboard-classes"

DISTRICT_FILE="$BUILD/caseboard-district.txt"
rm -f "$DISTRICT_FILE"
LOG="$BUILD/caseboard-server.log"
java -Xms1g -Xmx1g ${BENCH_SERVER_OPTS:-} -cp "$CLASSES:$CLASSPATH" org.qibao.bench.CaseboardServer \
  --server.port="$PORT" --qibao.data-dir="$BUILD/caseboard-data" \
  --qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)" \
  --qibao.bench.grids="$GRIDS" --qibao.bench.cases-per-grid="$PER_GRID" \
  --qibao.bench.statements-port="$STATEMENTS_PORT" --qibao.bench.district-file="$DISTRICT_FILE" \
  --logging.level.root=warn --logging.level.org.qibao=warn >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

echo "starting Qibao on port $PORT (log: $LOG)"
for _ in $(seq 1 900); do
  grep -q "BENCH READY" "$LOG" 2>/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see $LOG"; exit 1; }
  sleep 1
done
grep "BENCH READY" "$LOG" || { echo "the server did not start in time"; exit 1; }

java -Xms512m -Xmx1g ${BENCH_DRIVER_OPTS:-} -Dbench.server.pid="$SERVER" -Dbench.port="$PORT" \
  -Dbench.statements.port="$STATEMENTS_PORT" -Dbench.district.file="$DISTRICT_FILE" \
  -Dbench.warmup.s="$WARMUP" -Dbench.phase.s="$PHASE" -Dbench.runs="${BENCH_RUNS:-3}" \
  -Dbench.cases.per.grid="$PER_GRID" -Dbench.cases="$((GRIDS * PER_GRID))" -Dbench.result="${BENCH_RESULT:-}" \
  -cp "$CLASSES:$CLASSPATH" org.qibao.bench.CaseboardLoad
