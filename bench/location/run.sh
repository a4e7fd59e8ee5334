#!/usr/bin/env bash
# The live-location load benchmark: builds Qibao, starts it in its own JVM (embedded PostgreSQL
# and Redis under the build directory), checks the bench phones in through the patrol module,
# drives them with LocationLoad, prints the figures and stops it. Not part of `mvn verify`.
#
#   bench/location/run.sh [phones concurrency warmupSeconds phaseSeconds rate batchSize]
#   defaults:              20000  32          30            20           2000 100
#
# BENCH_REDIS_URL runs it against that Redis (e.g. this machine's: redis://127.0.0.1:6379/5), whose
# database is emptied first; without it, an embedded Redis keeps an append-only file under the build
# directory, as Qibao does on a machine with no Redis of its own.
# BENCH_RUNS=n runs the load driver n times against the one server (checking 20,000 phones in takes
# long): each run's phones start their clocks 1,500 reports (6 h 15 min) after the last run's.
# BENCH_SERVER_OPTS and BENCH_DRIVER_OPTS add JVM options to the server and to the load driver, e.g.
# -XX:StartFlightRecording=filename=x.jfr to profile one, or -Xlog:gc:file=gc.log to see its pauses.
# As a path of bench/run.sh (docs/performance.md): SPRING_DATASOURCE_URL and SPRING_DATA_REDIS_URL
# name the stores to use (the demo community is then loaded into that fresh database),
# BENCH_QUICK=1 without arguments makes a smoke run (300 phones, 5 s phases), and BENCH_RESULT names
# a file for the printed figures of every run as one JSON object; the measurements are the same.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
PORT="${BENCH_PORT:-18080}"
if [ $# -eq 0 ] && [ -n "${BENCH_QUICK:-}" ]; then
  set -- 300 8 5 5 200 10
fi
BENCH_REDIS_URL="${BENCH_REDIS_URL:-${SPRING_DATA_REDIS_URL:-}}"

mvn -q -B compile -Dskip.web-client=true -Dbuild.dir="$BUILD"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$BUILD/bench.classpath" -Dmdep.includeScope=runtime \
  -Dbuild.dir="$BUILD" >/dev/null
CLASSPATH="$BUILD/classes:$(cat "$BUILD/bench.classpath")"
mkdir -p "$BUILD/bench-classes"
javac -nowarn -proc:none -d "$BUILD/bench-classes" -cp "$CLASSPATH" bench/location/*.java

# a fresh store every run: positions left from an earlier run would be newer than this run's and
# make its reports duplicates that are never stored
rm -rf "$BUILD/bench-data"
REDIS_OPTS=()
if [ -n "${BENCH_REDIS_URL:-}" ]; then
  redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
  # with an external store Qibao requires a shared token key (identity's TokenSecret)
  REDIS_OPTS=(--spring.data.redis.url="$BENCH_REDIS_URL" --qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)")
fi
if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
  # the bench phones join the demo community, which Qibao loads only when asked to in a database of another's
  REDIS_OPTS+=(--qibao.demo.enabled=true)
  [ -n "${BENCH_REDIS_URL:-}" ] || REDIS_OPTS+=(--qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)")
fi
PHONES="${1:-20000}"
PHONES_FILE="$BUILD/bench-phones.txt"
rm -f "$PHONES_FILE"
java -Xms2g -Xmx2g ${BENCH_SERVER_OPTS:-} -cp "$BUILD/bench-classes:$CLASSPATH" org.qibao.bench.BenchServer \
  --server.port="$PORT" --qibao.data-dir="$BUILD/bench-data" --qibao.location.max-age=25h \
  --qibao.bench.phones="$PHONES" --qibao.bench.phones-file="$PHONES_FILE" \
  --logging.level.root=warn --logging.level.org.qibao=warn "${REDIS_OPTS[@]}" >"$BUILD/bench-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

echo "starting Qibao on port $PORT (log: $BUILD/bench-server.log)"
# checking 20,000 phones in through the patrol module takes about a quarter of an hour on two cores
for _ in $(seq 1 2400); do
  grep -q "BENCH READY" "$BUILD/bench-server.log" 2>/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see $BUILD/bench-server.log"; exit 1; }
  sleep 1
done
grep -q "BENCH READY" "$BUILD/bench-server.log" || { echo "the server did not start in time"; exit 1; }

grep "BENCH READY" "$BUILD/bench-server.log"
RUN_OUTPUTS=()
for run in $(seq 1 "${BENCH_RUNS:-1}"); do
  echo "--- run $run of ${BENCH_RUNS:-1}"
  RUN_OUTPUTS+=("$BUILD/location-run-$run.txt")
  java -Xms2g -Xmx2g ${BENCH_DRIVER_OPTS:-} -Dbench.server.pid="$SERVER" -Dbench.phones.file="$PHONES_FILE" \
    -Dbench.first.step=$(( (run - 1) * 1500 )) -cp "$BUILD/bench-classes:$CLASSPATH" org.qibao.bench.LocationLoad "$PORT" "$@" \
    | tee "$BUILD/location-run-$run.txt"
done
if [ -n "${BENCH_RESULT:-}" ]; then
  python3 bench/location/result.py "$PHONES" "$*" "${RUN_OUTPUTS[@]}" >"$BENCH_RESULT"
fi
