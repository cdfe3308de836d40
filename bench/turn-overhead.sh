#!/usr/bin/env bash
# Turn overhead on the template path with 1,000 rules and 50 scenarios and a loopback tool in the answering
# rule, against one local embedding (the tool call excluded from the ratio, reported beside it); and the
# number of model calls per turn (read from each turn's trace).
#
#   bench/turn-overhead.sh [turns=200]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
build_ruche
work=$(mktemp -d); port=$(free_port)
trap 'kill "$RUCHE_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
# The answering rule calls its tool on every turn: lift the per-minute tool quotas for the run.
start_ruche "$port" "$work" RUCHE_TOOLBOX_ALLOW_LOOPBACK=true PLATFORM_TOOLBOX_TOOLCALLSPERMINUTE=1000000 \
  PLATFORM_TOOLBOX_TENANTCALLSPERMINUTE=1000000
wait_http "http://127.0.0.1:$port/actuator/health" 120
echo "machine: $(nproc) cores"
python3 "$BENCH_DIR/turn_overhead.py" "http://127.0.0.1:$port/mcp" bench-admin-key "${1:-200}"
