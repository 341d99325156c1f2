#!/bin/sh
# Test-delivery benchmark on one node with PostgreSQL (docs/benchmarks.md, "Test delivery").
# Usage: bench/attempts.sh [students] [extra AttemptBench options...]
# Needs PostgreSQL at 127.0.0.1:5432 (database test, trust auth) and a free port 18480.
set -eu
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
N=${1:-1000}; [ $# -gt 0 ] && shift
PORT=${BENCH_PORT:-18480}
APP=${BENCH_APP:-/tmp/adal-bench-pg}
if [ ! -f "$APP/quarkus-run.jar" ]; then
  mvn -q -B package -DskipTests -Dquarkus.profile=pg -Dadal.vision.fetch.skip=true
  rm -rf "$APP"; cp -r target/quarkus-app "$APP"
fi
mvn -q -B test-compile -Dadal.vision.fetch.skip=true
WORK=$(mktemp -d)
( cd "$WORK" && ADAL_DEMO=true ADAL_DB_URL=jdbc:postgresql://127.0.0.1:5432/test \
  exec "$JAVA_HOME/bin/java" -Xmx1g -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN -jar "$APP/quarkus-run.jar" ) > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do sleep 1; kill -0 $SERVER || { cat "$WORK/server.log"; exit 1; }; done
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=kz.adal.attempt.bench.AttemptBench \
  -Dexec.args="--base http://127.0.0.1:$PORT --students $N --pid $SERVER $*"
