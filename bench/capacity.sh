#!/bin/bash
# Issue 17's capacity run, as docs/benchmarks.md reports it: the live benchmark (LiveBench) at 1,000 (the cold
# step), 5,000 and 10,000 students on a fresh PostgreSQL-build server, then the start storm and answer saves
# (AttemptBench) at 5,000 and 10,000 on the same server, then the bare Vert.x echo with the same generator.
# The generator and PostgreSQL are pinned to core 0; the server may use both cores (a node has at least two).
# Usage: bench/capacity.sh [outdir]     (FACE_CHECKS=false for the comparison without face checks)
set -u
cd "$(dirname "$0")/.."
. bin/jdk.sh
out=${1:-target/capacity}; mkdir -p "$out"
[ -f target/pg-app/quarkus-run.jar ] || bench/build-pg-jar.sh
mvn -B -q test-compile -Dadal.js.check.skip=true
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
CP="target/test-classes:$(cat "$out/cp.txt")"
ulimit -n 20000
# a 320×240 camera picture of one person, from the face-api package the build fetches (target/face-test-images)
ffmpeg -v error -y -i target/face-test-images/sample1.jpg -vf "crop=640:480:700:280,scale=320:240" -q:v 3 "$out/face.jpg"
for p in $(pgrep -f postgres); do taskset -a -p -c 0 "$p" >/dev/null; done
trap 'for p in $(pgrep -f postgres); do taskset -a -p -c "0-$(( $(nproc) - 1 ))" "$p" >/dev/null; done' EXIT
psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists adal_capacity_bench"
createdb -h 127.0.0.1 -U postgres adal_capacity_bench
db=jdbc:postgresql://127.0.0.1:5432/adal_capacity_bench
ADAL_PROCTORING_FACE_CHECKS=${FACE_CHECKS:-true} ADAL_DEMO=true ADAL_PORT=18631 ADAL_DB_URL=$db ADAL_DB_USER=postgres \
  java --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -Xmx2g -Xlog:gc:file="$out/gc.log" -jar target/pg-app/quarkus-run.jar > "$out/server.log" 2>&1 &
server=$!
for i in $(seq 1 120); do curl -sf http://127.0.0.1:18631/q/health/ready >/dev/null 2>&1 && break; sleep 1; done
echo "load $(cat /proc/loadavg)"
taskset -c 0 java -Xmx3g -cp "$CP" kz.adal.proctoring.bench.LiveBench --base http://127.0.0.1:18631 --jdbc $db \
  --steps 1000,5000,10000 --step-seconds 60 --all --pid $server --metrics http://127.0.0.1:9000/metrics --jpeg "$out/face.jpg" | tee "$out/live.txt"
for n in 5000 10000; do
  taskset -c 0 java -Xmx3g -cp "$CP" kz.adal.attempt.bench.AttemptBench --base http://127.0.0.1:18631 --jdbc $db \
    --students $n --rates 200,300,400 --step-seconds 20 --pid $server | tee "$out/attempts-$n.txt"
done
kill -9 $server
java -XX:+UseG1GC -Xmx2g -cp "$CP" kz.adal.proctoring.bench.LiveBench --serve-echo 18639 > "$out/echo-server.log" 2>&1 &
echo_pid=$!
sleep 5
taskset -c 0 java -Xmx3g -cp "$CP" kz.adal.proctoring.bench.LiveBench --echo 18639 --steps 1000,5000,10000 --step-seconds 60 --all \
  --pid $echo_pid | tee "$out/echo.txt"
kill $echo_pid
echo "load $(cat /proc/loadavg)"
