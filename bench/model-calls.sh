#!/usr/bin/env bash
# Model calls per `converse` turn on the model path: a fake OpenAI-compatible model (bench/model_calls.py fake)
# counts every request by kind; Ruche runs on the embedded default with a fresh data dir per configuration
# (default, rule_filter: model, lane-2 judge, all together); 5 scripted conversations (43 turns) each.
#
#   bench/model-calls.sh [violation_percent=10]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
build_ruche
work=$(mktemp -d)
FAKE_PID=""; RUCHE_PID=""
trap 'kill $RUCHE_PID $FAKE_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
fake_port=$(free_port)
python3 "$BENCH_DIR/model_calls.py" fake "$fake_port" "${1:-10}" &
FAKE_PID=$!
wait_http "http://127.0.0.1:$fake_port/stats" 20
echo "machine: $(nproc) cores; fake model at 127.0.0.1:$fake_port; drafts breaking a CEL constraint: ${1:-10}%"
for config in default rule_filter judge all; do
  port=$(free_port); mkdir -p "$work/$config"
  judge=false; [[ $config == judge || $config == all ]] && judge=true
  start_ruche "$port" "$work/$config" RUCHE_MODEL_PROVIDER=openai RUCHE_MODEL_BASE_URL="http://127.0.0.1:$fake_port/v1" \
    RUCHE_MODEL_NAME=fake-model RUCHE_MODEL_API_KEY=none RUCHE_MODEL_JUDGE=$judge
  wait_http "http://127.0.0.1:$port/actuator/health" 180
  python3 "$BENCH_DIR/model_calls.py" drive "http://127.0.0.1:$port/mcp" bench-admin-key \
    "http://127.0.0.1:$fake_port" "$config" "$work/$config.json"
  kill "$RUCHE_PID"; wait "$RUCHE_PID" 2>/dev/null || true; RUCHE_PID=""
done
python3 "$BENCH_DIR/model_calls.py" report "$work"/{default,rule_filter,judge,all}.json
