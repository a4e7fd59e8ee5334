#!/usr/bin/env bash
# The benchmark suite: measures this machine's ceilings (pgbench, redis-benchmark), then runs every
# hot path's benchmark (bench/<dir>/run.sh) against a fresh PostgreSQL database and an emptied Redis
# database, and writes target/bench/report.md, target/bench/report.json and
# bench/results/<short-commit>.json. Not part of `mvn verify`; see docs/performance.md.
#
#   bench/run.sh [--quick] [--only checkin,redemption,...]
#
# Paths: checkin redemption caseboard livefanout leaderboards positions. A path whose script is
# missing or fails is reported as such and the others still run (logs in target/bench/<path>.log).
# --quick sets BENCH_QUICK=1 (smoke run: small workloads, 5 s phases) and shortens the ceilings.
# The PostgreSQL and Redis used: BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER (127.0.0.1, 5432,
# postgres; the password, if any, from PGPASSWORD), BENCH_REDIS_HOST/BENCH_REDIS_PORT/BENCH_REDIS_DB
# (127.0.0.1, 6379, 8). The databases qibao_bench and qibao_pgbench are dropped and made afresh.
set -uo pipefail
cd "$(dirname "$0")/.."

ALL_PATHS=(checkin redemption caseboard livefanout leaderboards positions)
declare -A DIR=([checkin]=checkin [redemption]=redemption [caseboard]=caseboard [livefanout]=livefanout
  [leaderboards]=leaderboards [positions]=location)
QUICK=""
PATHS=("${ALL_PATHS[@]}")
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) shift; IFS=, read -r -a PATHS <<<"${1:-}" ;;
    --only=*) IFS=, read -r -a PATHS <<<"${1#--only=}" ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (bench/run.sh [--quick] [--only a,b])" >&2; exit 2 ;;
  esac
  shift
done
for p in "${PATHS[@]}"; do
  [ -n "${DIR[$p]:-}" ] || { echo "unknown path $p; paths: ${ALL_PATHS[*]}" >&2; exit 2; }
done

PG_HOST="${BENCH_PG_HOST:-127.0.0.1}" PG_PORT="${BENCH_PG_PORT:-5432}" PG_USER="${BENCH_PG_USER:-postgres}"
REDIS_HOST="${BENCH_REDIS_HOST:-127.0.0.1}" REDIS_PORT="${BENCH_REDIS_PORT:-6379}" REDIS_DB="${BENCH_REDIS_DB:-8}"
OUT="$PWD/target/bench"
# the commit measured, taken now (a commit made while the suite runs is not what it measured);
# "-dirty" when the working tree has changes not committed
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT-dirty"
mkdir -p "$OUT/results"
rm -f "$OUT/results/"*.json "$OUT/status.tsv"

# the ceilings' and stores' tools, from Debian's packages when missing
missing=()
command -v psql >/dev/null || missing+=(postgresql-client)
command -v pgbench >/dev/null || missing+=(postgresql-contrib)
command -v redis-benchmark >/dev/null || missing+=(redis-tools)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "cannot install ${missing[*]}" >&2; exit 1; }
fi

sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
fresh_database() { sql "DROP DATABASE IF EXISTS $1 WITH (FORCE)" && sql "CREATE DATABASE $1"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# --- ceilings, measured in this run so that the targets' ratios compare like with like
if [ -n "$QUICK" ]; then PG_SECONDS=5 REDIS_REQUESTS=20000; else PG_SECONDS=30 REDIS_REQUESTS=200000; fi
echo "ceilings: pgbench (TPC-B-like, scale 10, 8 clients, 2 threads, ${PG_SECONDS} s, 3 runs) and redis-benchmark"
fresh_database qibao_pgbench >/dev/null || { echo "cannot reach PostgreSQL at $PG_HOST:$PG_PORT" >&2; exit 1; }
pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -s 10 -q qibao_pgbench >"$OUT/pgbench.log" 2>&1 \
  || { echo "pgbench -i failed; see $OUT/pgbench.log" >&2; exit 1; }
PG_TPS=()
for _ in 1 2 3; do
  tps=$(pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c 8 -j 2 -T "$PG_SECONDS" qibao_pgbench 2>>"$OUT/pgbench.log" \
    | tee -a "$OUT/pgbench.log" | awk '/^tps = / { print $3; exit }')
  PG_TPS+=("${tps:-null}")
done
sql "DROP DATABASE IF EXISTS qibao_pgbench WITH (FORCE)" >/dev/null
REDIS_OPS=()
for _ in 1 2 3; do
  # GET and SET, one request per round trip (-P 1), 50 clients; the run's figure is their mean
  ops=$(redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" --dbnum "$REDIS_DB" -t get,set -P 1 -c 50 -n "$REDIS_REQUESTS" -q \
    2>>"$OUT/redis-benchmark.log" | tr '\r' '\n' | tee -a "$OUT/redis-benchmark.log" \
    | awk '/requests per second/ { sum += $2; n++ } END { if (n) printf "%.0f", sum / n }')
  REDIS_OPS+=("${ops:-null}")
done
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null
python3 - "$OUT/ceilings.json" "${PG_TPS[*]}" "${REDIS_OPS[*]}" "$PG_SECONDS" "$REDIS_REQUESTS" <<'EOF'
import json, statistics, sys
def runs(text):
    return [float(v) for v in text.split() if v != "null"]
pg, redis = runs(sys.argv[2]), runs(sys.argv[3])
json.dump({
    "pgbench_tps": {"runs": pg, "median": statistics.median(pg) if pg else None,
                    "how": f"pgbench TPC-B-like, scale 10, 8 clients, 2 threads, {sys.argv[4]} s"},
    "redis_ops": {"runs": redis, "median": statistics.median(redis) if redis else None,
                  "how": f"redis-benchmark -t get,set -P 1 -c 50 -n {sys.argv[5]}, mean of GET and SET"},
}, open(sys.argv[1], "w"), indent=2)
EOF
echo "pgbench tps: ${PG_TPS[*]}; redis ops/s: ${REDIS_OPS[*]}"

# --- the paths, one after the other, each against fresh stores
for p in "${PATHS[@]}"; do
  dir="${DIR[$p]}"
  script="bench/$dir/run.sh"
  log="$OUT/$p.log"
  before=$(load)
  if [ ! -f "$script" ]; then
    echo "$p: missing ($script)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$dir" "missing" "$script" "$before" "$before" >>"$OUT/status.tsv"
    continue
  fi
  echo "$p: running $script (log: $log)"
  fresh_database qibao_bench >/dev/null
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null
  args=()
  extra=()
  if [ "$p" = positions ]; then
    # the integrity workload: 20,000 phones at the field's cadence, three runs on one server
    if [ -n "$QUICK" ]; then args=(300 8 5 5 200 10); else args=(20000 32 60 30 2000 100); fi
    extra=(BENCH_PORT="${BENCH_POSITIONS_PORT:-18282}")
  fi
  env SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/qibao_bench" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" SPRING_DATA_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" \
    BENCH_RESULT="$OUT/results/$p.json" BENCH_RUNS="${BENCH_RUNS:-3}" ${QUICK:+BENCH_QUICK=1} "${extra[@]}" \
    timeout "${BENCH_PATH_TIMEOUT:-7200}" bash "$script" "${args[@]}" >"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then status=ok; elif [ $rc -eq 124 ]; then status="timed out"; else status="failed (exit $rc)"; fi
  echo "$p: $status"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$dir" "$status" "${log#$PWD/}" "$before" "$(load)" >>"$OUT/status.tsv"
done
sql "DROP DATABASE IF EXISTS qibao_bench WITH (FORCE)" >/dev/null

echo
python3 bench/report.py "$OUT" "$COMMIT" "${QUICK:-0}"
