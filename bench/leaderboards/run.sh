#!/usr/bin/env bash
# The leaderboards benchmark: builds Qibao, starts it in its own JVM against the given PostgreSQL
# and Redis, generates a city of volunteers with a year of verified patrols (bench/gamification's
# generator, in SQL) and accounts for them, then in each run rebuilds all the city's boards
# (rebuild_s, volunteers/s) and drives the city's board page with the web client's leaderboard
# query: p99 paced, pages/s flat out, and the SQL statements a page costs on the server. Removes
# the generated city at the end. Not part of `mvn verify`. See bench/leaderboards/README.md.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/qibao_bench SPRING_DATASOURCE_USERNAME=postgres \
#   SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/8 bench/leaderboards/run.sh
#
# BENCH_VOLUNTEERS (112000), BENCH_RATE (200 pages/s paced), BENCH_CONCURRENCY (32 flat out),
# BENCH_WARMUP_S (60), BENCH_PHASE_S (30 per phase, three phases a run), BENCH_RUNS (3),
# BENCH_QUICK=1 (11,200 volunteers, 5 s), BENCH_RESULT (a file for the JSON result),
# BENCH_PORT (18384; the statement count and bench actions on the next port),
# BENCH_SERVER_OPTS / BENCH_DRIVER_OPTS (more JVM options).
# Server and driver share the machine's two cores: no taskset, as bench/location does; the driver
# reports how late its paced sends were.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
PORT="${BENCH_PORT:-18384}"
SIDE_PORT=$((PORT + 1))
: "${SPRING_DATASOURCE_URL:?give the PostgreSQL to generate the city in}"
: "${SPRING_DATA_REDIS_URL:?give the Redis to rebuild the boards in}"
VOLUNTEERS="${BENCH_VOLUNTEERS:-112000}"
WARMUP="${BENCH_WARMUP_S:-60}"
PHASE="${BENCH_PHASE_S:-30}"
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  VOLUNTEERS="${BENCH_VOLUNTEERS:-11200}"; WARMUP="${BENCH_WARMUP_S:-5}"; PHASE="${BENCH_PHASE_S:-5}"
fi

# Qibao and the bench's sources, built by bench/lib.sh
source bench/lib.sh
# shared, not copied: the city generator of bench/gamification, the HTTP driver of bench/location,
# the statement counter, web client document reader and token issuer of bench/caseboard
bench_build leaderboards bench/leaderboards/*.java bench/gamification/CityRebuild.java \
  bench/location/HttpDriver.java bench/location/LocationLoad.java bench/caseboard/StatementCounter.java \
  bench/caseboard/WebClientDocuments.java bench/caseboard/CaseboardTokens.java bench/caseboard/CaseboardLoad.java \
  src/test/java/org/qibao/WebClientDocuments.java
CLASSES="$BUILD/leaderboards-classes"

CITY_FILE="$BUILD/leaderboards-city.txt"
rm -f "$CITY_FILE"
LOG="$BUILD/leaderboards-server.log"
java -Xms1g -Xmx2g ${BENCH_SERVER_OPTS:-} -cp "$CLASSES:$CLASSPATH" org.qibao.bench.LeaderboardServer \
  --server.port="$PORT" --qibao.data-dir="$BUILD/leaderboards-data" \
  --qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)" \
  --qibao.bench.volunteers="$VOLUNTEERS" --qibao.bench.statements-port="$SIDE_PORT" \
  --qibao.bench.city-file="$CITY_FILE" \
  --logging.level.root=warn --logging.level.org.qibao=warn >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

echo "starting Qibao on port $PORT (log: $LOG)"
for _ in $(seq 1 1800); do
  grep -q "BENCH READY" "$LOG" 2>/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see $LOG"; exit 1; }
  sleep 1
done
grep "BENCH generated" "$LOG" || true
grep "BENCH READY" "$LOG" || { echo "the server did not start in time"; exit 1; }

java -Xms512m -Xmx1500m ${BENCH_DRIVER_OPTS:-} -Dbench.server.pid="$SERVER" -Dbench.port="$PORT" \
  -Dbench.statements.port="$SIDE_PORT" -Dbench.city.file="$CITY_FILE" -Dbench.volunteers="$VOLUNTEERS" \
  -Dbench.rate="${BENCH_RATE:-200}" -Dbench.concurrency="${BENCH_CONCURRENCY:-32}" \
  -Dbench.warmup.s="$WARMUP" -Dbench.phase.s="$PHASE" -Dbench.runs="${BENCH_RUNS:-3}" \
  -Dbench.result="${BENCH_RESULT:-}" -cp "$CLASSES:$CLASSPATH" org.qibao.bench.LeaderboardLoad
