#!/usr/bin/env bash
# The leaderboard rebuild benchmark: builds Qibao, starts it against the given PostgreSQL and
# Redis, generates a city of volunteers with a year of verified patrols in SQL, rebuilds all the
# city's boards from PostgreSQL into Redis, prints volunteers/s and the time of a page read from
# Redis, then removes the generated city. Not part of `mvn verify`.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/qibao SPRING_DATASOURCE_USERNAME=postgres \
#   SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/0 bench/gamification/run.sh [volunteers]   (default 112000)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${BENCH_BUILD_DIR:-$PWD/target/bench}"
: "${SPRING_DATASOURCE_URL:?give the PostgreSQL to generate the city in}"
: "${SPRING_DATA_REDIS_URL:?give the Redis to rebuild the boards in}"

mvn -q -B compile -Dskip.web-client=true -Dbuild.dir="$BUILD"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$BUILD/bench.classpath" -Dmdep.includeScope=runtime \
  -Dbuild.dir="$BUILD" >/dev/null
CLASSPATH="$BUILD/classes:$(cat "$BUILD/bench.classpath")"
mkdir -p "$BUILD/bench-classes"
javac -nowarn -proc:none -d "$BUILD/bench-classes" -cp "$CLASSPATH" bench/gamification/*.java

java -Xms1g -Xmx2g -Dbench.volunteers="${1:-112000}" -cp "$BUILD/bench-classes:$CLASSPATH" \
  org.qibao.gamification.CityRebuild --server.port=0 --qibao.data-dir="$BUILD/bench-data" \
  --qibao.security.token-secret="$(head -c 32 /dev/urandom | base64)" \
  --logging.level.root=warn --logging.level.org.qibao=warn 2>&1 | grep -E "BENCH|ERROR|Exception" || true
