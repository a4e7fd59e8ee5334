# Shared by the path scripts (sourced, not run): builds Qibao and the bench's own sources, starts
# a bench server JVM from the compiled classes and waits for its "BENCH READY", and stops it on
# exit. The bench/README convention is in docs/performance.md.
#
#   bench_build NAME bench/checkin/*.java ...    compiles Qibao into $BUILD/classes and the sources into
#                                                $BUILD/NAME-classes (its own: Qibao's component scan would
#                                                pick up another path's bench configuration)
#   bench_start NAME MAIN_CLASS PORT ARGS...     starts the server (log $BUILD/NAME-server.log)
#
# Against SPRING_DATASOURCE_URL / SPRING_DATA_REDIS_URL when set (the harness sets them to a fresh
# database and an emptied Redis database); otherwise Qibao's embedded PostgreSQL and Redis, with a
# fresh data directory under $BUILD every run.

BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
BENCH_SERVER_PID=""

bench_build() {
  local name="$1"
  shift
  mkdir -p "$BUILD"
  mvn -q -B compile -Dskip.web-client=true -Dbuild.dir="$BUILD"
  mvn -q -B dependency:build-classpath -Dmdep.outputFile="$BUILD/bench.classpath" -Dmdep.includeScope=runtime \
    -Dbuild.dir="$BUILD" >/dev/null
  CLASSPATH="$BUILD/classes:$(cat "$BUILD/bench.classpath")"
  rm -rf "$BUILD/$name-classes"
  mkdir -p "$BUILD/$name-classes"
  javac -nowarn -proc:none -d "$BUILD/$name-classes" -cp "$CLASSPATH" "$@"
  BENCH_CLASSPATH="$BUILD/$name-classes:$CLASSPATH"
}

bench_stop() {
  if [ -n "$BENCH_SERVER_PID" ]; then
    kill "$BENCH_SERVER_PID" 2>/dev/null || true
    wait "$BENCH_SERVER_PID" 2>/dev/null || true
  fi
}

# bench_start NAME MAIN_CLASS PORT [server arguments...]; waits up to BENCH_START_TIMEOUT seconds (default 1800)
bench_start() {
  local name="$1" main="$2" port="$3"
  shift 3
  local log="$BUILD/$name-server.log"
  local stores=()
  if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
    rm -rf "$BUILD/$name-data"
  fi
  if [ -z "${SPRING_DATA_REDIS_URL:-}" ] && [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    echo "give SPRING_DATA_REDIS_URL with SPRING_DATASOURCE_URL (or neither, for the embedded stores)" >&2
    return 1
  fi
  # an external store requires a shared token key (identity's TokenSecret); harmless with embedded ones
  stores=(--qibao.data-dir="$BUILD/$name-data" --qibao.demo.enabled=false
    --qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)")
  trap bench_stop EXIT
  java -Xms1g -Xmx2g ${BENCH_SERVER_OPTS:-} -cp "$BENCH_CLASSPATH" "$main" --server.port="$port" "${stores[@]}" \
    --logging.level.root=warn --logging.level.org.qibao=warn "$@" >"$log" 2>&1 &
  BENCH_SERVER_PID=$!
  echo "starting $main on port $port (log: $log)"
  for _ in $(seq 1 "${BENCH_START_TIMEOUT:-1800}"); do
    grep -q "BENCH READY" "$log" 2>/dev/null && break
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { echo "the server stopped; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 1
  done
  grep "BENCH READY" "$log" || { echo "the server did not get ready in time; see $log" >&2; return 1; }
}
