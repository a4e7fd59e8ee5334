#!/usr/bin/env bash
# The redemption benchmark: 50 shops with staff, 10,000 volunteers with minutes; each redemption is
# a volunteer's redemptionCodeRequest then the shop's redemptionConfirm, real mutations over HTTP
# with each person's own token, flat out (32 in flight): confirmations/s and the confirmation's p99.
# After each run: a sample of codes confirmed twice at once (exactly one wins), and the ledger
# checked in PostgreSQL (one transfer per redeemed code, none for others). Not part of `mvn
# verify`; see docs/performance.md.
#
#   bench/redemption/run.sh                   (BENCH_RUNS=3, BENCH_WARMUP=60 s, BENCH_SECONDS=30 s, BENCH_QUICK=1 for a smoke run)
#   BENCH_REDEMPTION_MERCHANTS=50 BENCH_REDEMPTION_VOLUNTEERS=10000 BENCH_REDEMPTION_THREADS=32 BENCH_PORT=18281
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

RUNS="${BENCH_RUNS:-3}"
if [ -n "${BENCH_QUICK:-}" ]; then
  MERCHANTS="${BENCH_REDEMPTION_MERCHANTS:-10}" VOLUNTEERS="${BENCH_REDEMPTION_VOLUNTEERS:-1000}"
  WARMUP="${BENCH_WARMUP:-5}" SECONDS_PER_RUN="${BENCH_SECONDS:-5}" SAMPLE=20
else
  MERCHANTS="${BENCH_REDEMPTION_MERCHANTS:-50}" VOLUNTEERS="${BENCH_REDEMPTION_VOLUNTEERS:-10000}"
  WARMUP="${BENCH_WARMUP:-60}" SECONDS_PER_RUN="${BENCH_SECONDS:-30}" SAMPLE=100
fi
THREADS="${BENCH_REDEMPTION_THREADS:-32}"
PORT="${BENCH_PORT:-18281}"
# a volunteer may ask for 20 codes in 10 minutes (qibao.rate-limits.redemptionCodeRequest): the
# volunteers are many enough for the whole run at up to VOLUNTEERS * 20 / 600 s redemptions/s
bench_build redemption bench/driver/*.java bench/redemption/*.java bench/location/BenchTokens.java
FIXTURES="$BUILD/redemption-fixtures.tsv"
rm -f "$FIXTURES"
bench_start redemption org.qibao.bench.RedemptionServer "$PORT" --qibao.bench.merchants="$MERCHANTS" \
  --qibao.bench.volunteers="$VOLUNTEERS" --qibao.bench.fixtures-file="$FIXTURES"
java -Xms512m -Xmx1g ${BENCH_DRIVER_OPTS:-} -Dbench.server.pid="$BENCH_SERVER_PID" -cp "$BENCH_CLASSPATH" org.qibao.bench.RedemptionLoad \
  "$PORT" "$FIXTURES" "$WARMUP" "$RUNS" "$SECONDS_PER_RUN" "$THREADS" "$SAMPLE"
