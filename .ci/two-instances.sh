#!/usr/bin/env bash
# Two instances of the built jar on one PostgreSQL and one Redis, as behind a load balancer, for
# the cross-instance suite (src/test/java/org/qibao/pair, docs/two-instances.md).
#
#   .ci/two-instances.sh start   fresh database and Redis index, both instances started and ready
#   .ci/two-instances.sh stop    both stopped; the errors their logs hold are printed
#
# Where, through the environment (defaults in brackets): QIBAO_PAIR_PG_HOST [127.0.0.1],
# QIBAO_PAIR_PG_PORT [5432], QIBAO_PAIR_PG_USER [postgres], QIBAO_PAIR_PG_PASSWORD [empty],
# QIBAO_PAIR_DATABASE [qibao_pair], QIBAO_PAIR_REDIS_URL [redis://127.0.0.1:6379/3],
# QIBAO_PAIR_PORTS [18181 18182], QIBAO_PAIR_MANAGEMENT_PORTS [18183 18184], QIBAO_PAIR_JAR [the one
# target/ holds], QIBAO_PAIR_READY_WITHIN [600 s for each to be ready], QIBAO_PAIR_JAVA_OPTS
# [-Xmx512m]. Logs and process ids go to target/pair/.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${QIBAO_PAIR_PG_HOST:-127.0.0.1}
PG_PORT=${QIBAO_PAIR_PG_PORT:-5432}
PG_USER=${QIBAO_PAIR_PG_USER:-postgres}
PG_PASSWORD=${QIBAO_PAIR_PG_PASSWORD:-}
DATABASE=${QIBAO_PAIR_DATABASE:-qibao_pair}
REDIS_URL=${QIBAO_PAIR_REDIS_URL:-redis://127.0.0.1:6379/3}
read -r -a PORTS <<<"${QIBAO_PAIR_PORTS:-18181 18182}"
read -r -a MANAGEMENT_PORTS <<<"${QIBAO_PAIR_MANAGEMENT_PORTS:-18183 18184}"
DIR=target/pair
NAMES=(a b)
READY_WITHIN=${QIBAO_PAIR_READY_WITHIN:-600}
read -r -a JAVA_OPTS <<<"${QIBAO_PAIR_JAVA_OPTS:--Xmx512m}"

# The jobs run every few seconds instead of every minute or hour, so that the suite sees each one
# run on both instances many times while it waits for its single effect.
JOBS=(
  --qibao.patrol.close-initial-delay=PT3S --qibao.patrol.close-every=PT2S --qibao.patrol.check-out-grace=PT1S
  --qibao.patrol.generate-initial-delay=PT5S
  --qibao.merchant.code-expiry-interval=PT2S
  --qibao.timebank.hold-expiry-interval=PT2S
  --qibao.casework.escalate-initial-delay=PT3S --qibao.casework.escalate-every=PT2S
  --qibao.location.retention-job-delay=PT3S --qibao.location.retention-job-period=PT2S
  --qibao.location.final-coverage-period=PT5S
)

psql_admin() {
  PGPASSWORD=$PG_PASSWORD psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 "$@"
}

jar() {
  if [ -n "${QIBAO_PAIR_JAR:-}" ]; then echo "$QIBAO_PAIR_JAR"; return; fi
  local found
  found=$(ls target/qibao-*.jar 2>/dev/null | grep -v -- '-plain\|\.original$' | head -n 1 || true)
  [ -n "$found" ] || { echo "No jar in target/: run mvn verify (or package) first" >&2; exit 1; }
  echo "$found"
}

ready() { # port
  curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"
}

start() {
  local jar secret
  jar=$(jar)
  stop_quietly
  mkdir -p "$DIR"
  psql_admin -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
  redis-cli -u "$REDIS_URL" flushdb >/dev/null
  # a signing key for this run only: both instances must share it, nothing else needs it
  secret=$(openssl rand -base64 32)
  for i in 0 1; do
    # the first instance loads the demo community, the fixtures of the suite; the second finds it
    local demo=false
    [ "$i" = 0 ] && demo=true
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE" \
    SPRING_DATASOURCE_USERNAME="$PG_USER" SPRING_DATASOURCE_PASSWORD="$PG_PASSWORD" \
    SPRING_DATA_REDIS_URL="$REDIS_URL" QIBAO_TOKEN_SECRET="$secret" \
    SPRING_PROFILES_ACTIVE=production PORT="${PORTS[$i]}" QIBAO_MANAGEMENT_PORT="${MANAGEMENT_PORTS[$i]}" \
    QIBAO_DATA_DIR="$DIR/${NAMES[$i]}-data" \
      nohup java "${JAVA_OPTS[@]}" -jar "$jar" --qibao.demo.enabled=$demo "${JOBS[@]}" \
      >"$DIR/${NAMES[$i]}.log" 2>&1 </dev/null &
    echo $! >"$DIR/${NAMES[$i]}.pid"
  done
  for i in 0 1; do
    local waited=0
    until ready "${MANAGEMENT_PORTS[$i]}"; do
      if ! kill -0 "$(cat "$DIR/${NAMES[$i]}.pid")" 2>/dev/null; then
        echo "Instance ${NAMES[$i]} stopped while starting; the end of its log:" >&2
        tail -n 60 "$DIR/${NAMES[$i]}.log" >&2
        stop_quietly
        exit 1
      fi
      if [ "$waited" -ge "$READY_WITHIN" ]; then
        echo "Instance ${NAMES[$i]} not ready after ${READY_WITHIN}s; the end of its log:" >&2
        tail -n 60 "$DIR/${NAMES[$i]}.log" >&2
        stop_quietly
        exit 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
  done
  # the demo is loaded once the first instance is ready (its runners and ready listeners come after
  # the readiness probe answers): the suite starts when all four parts of it are in
  local waited=0
  until [ "$(grep -cE 'Loaded the demo (community|merchant offers|patrol schedule|time bank)' "$DIR/a.log")" -ge 4 ]; do
    if [ "$waited" -ge "$READY_WITHIN" ]; then
      echo "The demo community was not loaded after ${READY_WITHIN}s; the end of the log:" >&2
      tail -n 60 "$DIR/a.log" >&2
      stop_quietly
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "Two instances ready: http://127.0.0.1:${PORTS[0]} and http://127.0.0.1:${PORTS[1]} (logs in $DIR/)"
}

stop_quietly() {
  local pid
  for name in "${NAMES[@]}"; do
    [ -f "$DIR/$name.pid" ] || continue
    pid=$(cat "$DIR/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$DIR/$name.pid"
  done
}

stop() {
  stop_quietly
  local errors=0
  for name in "${NAMES[@]}"; do
    [ -f "$DIR/$name.log" ] || continue
    if grep -qE '^\S+ +ERROR ' "$DIR/$name.log"; then
      errors=1
      echo "Errors in the log of instance $name ($DIR/$name.log):"
      grep -E -A 3 '^\S+ +ERROR ' "$DIR/$name.log" | head -n 80
    fi
  done
  [ "$errors" = 0 ] && echo "Both instances stopped; no errors in their logs"
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
