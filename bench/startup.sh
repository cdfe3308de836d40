#!/usr/bin/env bash
# Time from launch to a healthy server (GET /actuator/health = 200) on the embedded default with an empty data
# directory, N runs each of: the fat jar (`java -jar mcp-server/target/ruche.jar`) and `scripts/run.sh`
# (extracted layout + JDK AOT start-up cache, prepared before timing).
#
#   bench/startup.sh [runs=5]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
RUNS=${1:-5}
build_ruche
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
# Prepares the extracted layout and the AOT cache (not timed): a first run, stopped once healthy.
prep=$(mktemp -d); port=$(free_port)
RUCHE_DATA_DIR=$prep "$ROOT/scripts/run.sh" --server.port="$port" >"$prep/log" 2>&1 & pid=$!
wait_http "http://127.0.0.1:$port/actuator/health" 300; kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$prep"

time_start() { # label command...
  local label=$1; shift
  for i in $(seq 1 "$RUNS"); do
    local data port start end pid
    data=$(mktemp -d); port=$(free_port)
    start=$(date +%s%N)
    RUCHE_DATA_DIR=$data "$@" --server.port="$port" >"$data/log" 2>&1 & pid=$!
    wait_http "http://127.0.0.1:$port/actuator/health" 120
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$label run $i: healthy after $(( (end - start) / 1000000 )) ms"
    rm -rf "$data"
  done
}
time_start "fat-jar" java -jar "$ROOT/mcp-server/target/ruche.jar"
time_start "run.sh " "$ROOT/scripts/run.sh"
