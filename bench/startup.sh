#!/usr/bin/env bash
# Time from `java -jar` to a healthy server (GET /actuator/health = 200) on the embedded default with an empty
# data directory, repeated N times.
#
#   bench/startup.sh [runs=5]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
RUNS=${1:-5}
build_ruche
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$RUNS"); do
  data=$(mktemp -d); port=$(free_port)
  start=$(date +%s%N)
  start_ruche "$port" "$data"
  wait_http "http://127.0.0.1:$port/actuator/health" 120
  end=$(date +%s%N)
  kill "$RUCHE_PID"; wait "$RUCHE_PID" 2>/dev/null || true
  echo "run $i: healthy after $(( (end - start) / 1000000 )) ms"
  rm -rf "$data"
done
