#!/bin/sh
# A scripted fault run (docs/reliability.md "The fault run"): students answering, a few recording,
# through a fault-injecting proxy (resets, requests cut half-way, responses lost after the server
# answered), with reloads and kill -9 of the server jar, for a bounded time on loopback. Prints what
# was acknowledged against what is stored, duplicates, and "lost = 0".
# Usage: bench/fault-run.sh [h2|pg] [FaultRun options, e.g. --students 12 --recorders 3 --seconds 180 --kills 2]
#   h2 (default): the embedded database, the jar of `mvn -B package -DskipTests` (target/quarkus-app)
#   pg: PostgreSQL at 127.0.0.1:5432 (trust), a fresh database dropped afterwards; the jar of bench/build-pg-jar.sh
# The server listens on 18490.
set -eu
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
kind=${1:-h2}; [ $# -gt 0 ] && shift
mvn -q -B test-compile -Dadal.vision.fetch.skip=true
echo "machine: $(nproc) cores; $(uptime)"
if [ "$kind" = pg ]; then
  [ -f target/pg-app/quarkus-run.jar ] || bench/build-pg-jar.sh
  db=adal_fault_$$
  createdb -h 127.0.0.1 -U postgres "$db"
  trap 'dropdb -h 127.0.0.1 -U postgres --if-exists "$db"' EXIT
  set -- --jar target/pg-app/quarkus-run.jar --db-url "jdbc:postgresql://127.0.0.1:5432/$db" "$@"
else
  [ -f target/quarkus-app/quarkus-run.jar ] || mvn -q -B package -DskipTests -Dadal.vision.fetch.skip=true
  set -- --jar target/quarkus-app/quarkus-run.jar "$@"
fi
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=kz.adal.attempt.bench.FaultRun -Dexec.args="$*"
echo "machine after: $(uptime)"
