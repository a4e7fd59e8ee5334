#!/usr/bin/env bash
# The live fan-out benchmark: two Qibao instances (two JVMs on the same PostgreSQL and Redis), live-map
# watchers (grid workers and captains) with real graphql-ws subscriptions split over both, and phones
# reporting through the real positionReport mutation to both; measures how long a report takes to reach
# every watcher allowed to see it, and how many such deliveries never arrive. See README.md here.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/qibao SPRING_DATASOURCE_USERNAME=postgres \
#   SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/8 bench/livefanout/run.sh
#
# BENCH_QUICK=1 for a smoke test; BENCH_RUNS (3), BENCH_WARMUP (60 s), BENCH_RUN_SECONDS (30 s);
# BENCH_FANOUT_PHONES (15000), _RATE (1000 reports/s), _WATCHERS (500), _COMMUNITIES (20), _GRIDS (5 a community);
# BENCH_RESULT=file writes the figures as JSON; BENCH_SERVER_OPTS / BENCH_DRIVER_OPTS add JVM options.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
: "${SPRING_DATASOURCE_URL:?give the PostgreSQL both instances share}"
: "${SPRING_DATA_REDIS_URL:?give the Redis both instances share}"
PORT1=18481
PORT2=18482

if [ "${BENCH_QUICK:-}" = 1 ]; then
  PHONES=${BENCH_FANOUT_PHONES:-600} RATE=${BENCH_FANOUT_RATE:-40} WATCHERS=${BENCH_FANOUT_WATCHERS:-80}
  COMMUNITIES=${BENCH_FANOUT_COMMUNITIES:-4} GRIDS=${BENCH_FANOUT_GRIDS:-5}
  WARMUP=${BENCH_WARMUP:-5} RUN_SECONDS=${BENCH_RUN_SECONDS:-5} RUNS=${BENCH_RUNS:-1} GRACE=5 HEAP=1g
else
  PHONES=${BENCH_FANOUT_PHONES:-15000} RATE=${BENCH_FANOUT_RATE:-1000} WATCHERS=${BENCH_FANOUT_WATCHERS:-500}
  COMMUNITIES=${BENCH_FANOUT_COMMUNITIES:-20} GRIDS=${BENCH_FANOUT_GRIDS:-5}
  WARMUP=${BENCH_WARMUP:-60} RUN_SECONDS=${BENCH_RUN_SECONDS:-30} RUNS=${BENCH_RUNS:-3} GRACE=10 HEAP=2g
fi

# Qibao and the bench's sources, built by bench/lib.sh
source bench/lib.sh
bench_build livefanout bench/livefanout/*.java
CLASSES="$BUILD/livefanout-classes"

FILE="$BUILD/livefanout-accounts.txt"
rm -f "$FILE"
# both instances must accept each other's tokens
SECRET="$(head -c 32 /dev/urandom | base64)"
COMMON=(--spring.datasource.url="$SPRING_DATASOURCE_URL" --spring.data.redis.url="$SPRING_DATA_REDIS_URL"
  --qibao.security.token-secret="$SECRET" --qibao.data-dir="$BUILD/livefanout-data"
  --logging.level.root=warn --logging.level.org.qibao=warn)
PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
# a signal ends the script through its EXIT trap, so the servers and the driver are stopped too
trap 'exit 143' TERM INT HUP

await() { # pid log
  for _ in $(seq 1 3600); do
    grep -q "BENCH READY" "$2" 2>/dev/null && { grep "BENCH READY" "$2"; return 0; }
    kill -0 "$1" 2>/dev/null || { echo "the server stopped; see $2"; exit 1; }
    sleep 1
  done
  echo "the server did not start in time; see $2"; exit 1
}

# the first instance lays out the city and checks the phones in; the second starts once it has
echo "starting Qibao on port $PORT1, setting up $PHONES phones and $WATCHERS watchers (log: $BUILD/livefanout-server1.log)"
java -Xms$HEAP -Xmx$HEAP ${BENCH_SERVER_OPTS:-} -cp "$CLASSES:$CLASSPATH" org.qibao.bench.LiveFanoutServer \
  --server.port=$PORT1 "${COMMON[@]}" --qibao.bench.fanout.file="$FILE" --qibao.bench.fanout.phones="$PHONES" \
  --qibao.bench.fanout.watchers="$WATCHERS" --qibao.bench.fanout.communities="$COMMUNITIES" \
  --qibao.bench.fanout.grids="$GRIDS" >"$BUILD/livefanout-server1.log" 2>&1 &
PIDS+=($!)
await "${PIDS[0]}" "$BUILD/livefanout-server1.log"
echo "starting Qibao on port $PORT2 (log: $BUILD/livefanout-server2.log)"
java -Xms$HEAP -Xmx$HEAP ${BENCH_SERVER_OPTS:-} -cp "$CLASSES:$CLASSPATH" org.qibao.bench.LiveFanoutServer \
  --server.port=$PORT2 "${COMMON[@]}" >"$BUILD/livefanout-server2.log" 2>&1 &
PIDS+=($!)
await "${PIDS[1]}" "$BUILD/livefanout-server2.log"

# no CPU pinning, as bench/location: with two cores, servers, PostgreSQL, Redis and the driver share them
java -Xms1g -Xmx1g ${BENCH_DRIVER_OPTS:-} -Dbench.ports=$PORT1,$PORT2 -Dbench.file="$FILE" -Dbench.rate="$RATE" \
  -Dbench.warmup="$WARMUP" -Dbench.runs="$RUNS" -Dbench.run.seconds="$RUN_SECONDS" -Dbench.grace="$GRACE" \
  -Dbench.communities="$COMMUNITIES" -Dbench.result="${BENCH_RESULT:-}" -Dbench.server.pids="${PIDS[0]},${PIDS[1]}" \
  -cp "$CLASSES:$CLASSPATH" org.qibao.bench.LiveFanout &
PIDS+=($!)
wait "${PIDS[2]}"
