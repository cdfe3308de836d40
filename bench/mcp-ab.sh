#!/usr/bin/env bash
# Two Ruche servers side by side under the wrk load of mcp-throughput.sh (agents_list), to judge a change: build A
# against build B, or one build with two sets of JVM options. Both are warmed, then measured in alternating rounds,
# so that the machine's drift (a fifth of the rate between runs minutes apart on a shared 2-core machine) falls on
# both alike; lone runs of one server at a time misjudged changes that way (docs/performance.md).
#
#   JAR_A=old.jar JAR_B=new.jar bench/mcp-ab.sh [rounds=6] [round_s=10] [warmup_s=30]
#   OPTS_A=... OPTS_B=-Djdk.virtualThreadScheduler.parallelism=2 bench/mcp-ab.sh
#
# JAR_A and JAR_B default to mcp-server/target/ruche.jar; OPTS_A and OPTS_B are JVM options.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
need wrk wrk
ROUNDS=${1:-6}; ROUND_S=${2:-10}; WARMUP=${3:-30}
JAR_A=${JAR_A:-$ROOT/mcp-server/target/ruche.jar}; JAR_B=${JAR_B:-$JAR_A}
[ -f "$JAR_A" ] && [ -f "$JAR_B" ] || { echo "build first: $JAR_A, $JAR_B" >&2; exit 1; }
work=$(mktemp -d); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
auth="Authorization: Bearer bench-admin-key"
body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"agents_list","arguments":{}}}'
start() { # name jar options -> sets PORT and PID
  mkdir -p "$work/$1"; PORT=$(free_port)
  env RUCHE_DATA_DIR="$work/$1" RUCHE_BOOTSTRAP_KEY=bench-admin-key java $3 -jar "$2" --server.port="$PORT" \
    >"$work/$1/server.log" 2>&1 &
  PID=$!; pids+=("$PID")
}
start a "$JAR_A" "${OPTS_A:-}"; port_a=$PORT; pid_a=$PID
start b "$JAR_B" "${OPTS_B:-}"; port_b=$PORT; pid_b=$PID
wait_http "http://127.0.0.1:$port_a/actuator/health" 120; wait_http "http://127.0.0.1:$port_b/actuator/health" 120
sid_a=$(mcp_session "http://127.0.0.1:$port_a/mcp" "$auth"); sid_b=$(mcp_session "http://127.0.0.1:$port_b/mcp" "$auth")
run() { # port sid pid seconds
  measure_calls "http://127.0.0.1:$1/mcp" "$2" "$auth" "$body" "$3" "$4"
}
run "$port_a" "$sid_a" "$pid_a" "$WARMUP" >/dev/null; run "$port_b" "$sid_b" "$pid_b" "$WARMUP" >/dev/null
echo "A: $JAR_A ${OPTS_A:-}"; echo "B: $JAR_B ${OPTS_B:-}"
for round in $(seq "$ROUNDS"); do
  echo "round $round A $(run "$port_a" "$sid_a" "$pid_a" "$ROUND_S")"
  echo "round $round B $(run "$port_b" "$sid_b" "$pid_b" "$ROUND_S")"
done | tee "$work/rounds"
python3 - "$work/rounds" <<'PY'
import re, sys
rows = [line.split(None, 3)[2:] for line in open(sys.argv[1])]
def mean(side, key):
    values = [float(re.search(key + r'=([0-9.]+)', rest).group(1)) for name, rest in rows if name == side]
    return sum(values) / len(values)
for key, label in (('rps', 'calls/s'), ('p99_ms', 'p99 ms'), ('cpu_us_per_call', 'CPU us/call')):
    a, b = mean('A', key), mean('B', key)
    print(f'{label}: A {a:.1f}, B {b:.1f}, B/A {b / a:.3f}')
PY
