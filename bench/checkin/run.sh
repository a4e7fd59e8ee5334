#!/usr/bin/env bash
# The check-in storm benchmark: 500 teams x 7 volunteers with real shifts in their grids check in
# with real shiftCheckIn mutations over HTTP, each with their own token, from inside the grid:
# in the field's shape (3,500 check-ins at random instants over one minute; p99) and flat out
# (32 in flight; check-ins/s and p99). After each round it counts the check-ins in PostgreSQL:
# exactly one per volunteer. Not part of `mvn verify`; see docs/performance.md.
#
#   bench/checkin/run.sh                      (BENCH_RUNS=3, BENCH_WARMUP=60 s, BENCH_QUICK=1 for a smoke run)
#   BENCH_CHECKIN_TEAMS=500 BENCH_CHECKIN_THREADS=32 BENCH_PORT=18280
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

RUNS="${BENCH_RUNS:-3}"
if [ -n "${BENCH_QUICK:-}" ]; then
  TEAMS="${BENCH_CHECKIN_TEAMS:-50}" WARMUP="${BENCH_WARMUP:-5}" FIELD=6 WARM_ROUNDS=2
else
  TEAMS="${BENCH_CHECKIN_TEAMS:-500}" WARMUP="${BENCH_WARMUP:-60}" FIELD=60 WARM_ROUNDS=6
fi
THREADS="${BENCH_CHECKIN_THREADS:-32}"
PORT="${BENCH_PORT:-18280}"
ROUNDS=$(( WARM_ROUNDS + 2 * RUNS ))
# a shift of the storm takes the seven volunteers of a team; a volunteer is in one round only
if [ $(( TEAMS * 7 * ROUNDS )) -gt 99999999 ]; then echo "too many volunteers" >&2; exit 1; fi

bench_build checkin bench/driver/*.java bench/checkin/*.java bench/location/BenchTokens.java
FIXTURES="$BUILD/checkin-fixtures.tsv"
rm -f "$FIXTURES"
bench_start checkin org.qibao.bench.CheckinServer "$PORT" --qibao.bench.teams="$TEAMS" --qibao.bench.rounds="$ROUNDS" \
  --qibao.bench.fixtures-file="$FIXTURES"
java -Xms512m -Xmx1g ${BENCH_DRIVER_OPTS:-} -cp "$BENCH_CLASSPATH" org.qibao.bench.CheckinStorm \
  "$PORT" "$FIXTURES" "$WARM_ROUNDS" "$WARMUP" "$RUNS" "$FIELD" "$THREADS"
