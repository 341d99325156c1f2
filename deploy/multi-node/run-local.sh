#!/bin/sh
# Starts (or stops) two Adal nodes on 127.0.0.1 with the settings of node-a.env and node-b.env:
# one database, one Redis, live events crossing between them. Used by the two-node test
# (kz.adal.proctoring.TwoNodeLiveTest), which points ADAL_DB_URL at a shared H2 file instead.
#   ./run-local.sh start | stop
# Environment: ADAL_JAR (default ../../target/quarkus-app/quarkus-run.jar), ADAL_RUN_DIR (logs, pids,
# working directories; default ./run), NODE_A_PORT / NODE_B_PORT, any variable of the env files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar=${ADAL_JAR:-$here/../../target/quarkus-app/quarkus-run.jar}
run=${ADAL_RUN_DIR:-$here/run}
java=${JAVA:-java}
mkdir -p "$run"

start_node() {
  name=$1
  (
    set -a
    . "$here/$name.env"
    set +a
    mkdir -p "$run/$name"
    cd "$run/$name"
    # shellcheck disable=SC2086
    nohup "$java" --enable-native-access=ALL-UNNAMED ${ADAL_JAVA_OPTS:-} -jar "$jar" > "$run/$name.log" 2>&1 &
    echo $! > "$run/$name.pid"
    echo "$ADAL_PORT" > "$run/$name.port"
  )
  port=$(cat "$run/$name.port")
  i=0
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 240 ] || ! kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then
      echo "$name did not start; see $run/$name.log" >&2
      tail -20 "$run/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$name up on http://127.0.0.1:$port (pid $(cat "$run/$name.pid"))"
}

stop_node() {
  name=$1
  if [ -f "$run/$name.pid" ]; then
    pid=$(cat "$run/$name.pid")
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 40 ]; do sleep 0.25; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$run/$name.pid"
    echo "$name stopped"
  fi
}

case "${1:-start}" in
  start)
    [ -f "$jar" ] || { echo "no $jar: build it first (mvn -B package -DskipTests -Dquarkus.profile=pg)" >&2; exit 1; }
    # one after the other: the first migrates the schema
    start_node node-a
    start_node node-b
    ;;
  stop)
    stop_node node-b
    stop_node node-a
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
