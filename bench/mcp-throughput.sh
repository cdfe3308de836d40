#!/usr/bin/env bash
# MCP tools/call throughput: Ruche (agents_list: auth, tenancy, JSON-RPC checks, the agent list) against a bare MCP Java SDK
# server (echo) and the official Node reference server (server-everything, echo), same wrk load.
#
#   bench/mcp-throughput.sh [connections=16] [warmup_s=30] [duration_s=20]
#
# Warm-ups under 30 s measure a Ruche whose JIT is still compiling (docs/performance.md).
#
# PROFILE=1: Ruche runs with a JDK Flight Recorder profile (target/mcp-throughput.jfr), and its hottest methods
# and allocations are printed at the end (`jfr view`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
need wrk wrk
CONNS=${1:-16}; WARMUP=${2:-30}; DURATION=${3:-20}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

build_ruche
(cd "$BENCH_DIR/bare-sdk-server" && "$ROOT/mvnw" -B -q -DskipTests package)
if [ ! -f "$TOOLS/everything/node_modules/@modelcontextprotocol/server-everything/dist/index.js" ]; then
  mkdir -p "$TOOLS/everything" && (cd "$TOOLS/everything" && npm i --silent @modelcontextprotocol/server-everything)
fi

work=$(mktemp -d); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
p_ruche=$(free_port); p_bare=$(free_port); p_node=$(free_port)
jfr="$ROOT/target/mcp-throughput.jfr"
if [ -n "${PROFILE:-}" ]; then
  mkdir -p "$ROOT/target"
  RUCHE_JAVA_OPTIONS="-XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true"
fi
start_ruche "$p_ruche" "$work"; pids+=("$RUCHE_PID"); pid_ruche=$RUCHE_PID
java -cp "$BENCH_DIR/bare-sdk-server/target/bare-sdk-server-1.jar:$BENCH_DIR/bare-sdk-server/target/dependency/*" \
  bench.BareSdkServer "$p_bare" >"$work/bare.log" 2>&1 & pids+=($!); pid_bare=$!
PORT=$p_node node "$TOOLS/everything/node_modules/@modelcontextprotocol/server-everything/dist/index.js" streamableHttp \
  >"$work/node.log" 2>&1 & pids+=($!); pid_node=$!
wait_http "http://127.0.0.1:$p_ruche/actuator/health" 120
sleep 3

run() { # name url auth body pid: a fresh session, warmed up, then measured
  local sid
  sid=$(mcp_session "$2" "$3")
  measure_calls "$2" "$sid" "$3" "$4" "$5" "$WARMUP" "$CONNS" >/dev/null
  echo "$1 $(measure_calls "$2" "$sid" "$3" "$4" "$5" "$DURATION" "$CONNS")"
}
echo_call='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"}}}'
list_call='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"agents_list","arguments":{}}}'
echo "machine: $(nproc) cores; wrk -t2 -c$CONNS, warm-up ${WARMUP}s, measured ${DURATION}s per run; 2 alternating rounds"
rps() { echo "$1" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p'; }
p99() { echo "$1" | sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p'; }
cpu() { echo "$1" | sed -n 's/.*cpu_us_per_call=\([0-9.]*\).*/\1/p'; }
ruche=(); bare=(); node=(); ruche99=(); bare99=(); rucheCpu=(); bareCpu=()
for round in 1 2; do
  r=$(run ruche "http://127.0.0.1:$p_ruche/mcp" "Authorization: Bearer bench-admin-key" "$list_call" "$pid_ruche"); echo "round $round $r"
  ruche+=("$(rps "$r")"); ruche99+=("$(p99 "$r")"); rucheCpu+=("$(cpu "$r")")
  b=$(run bare-sdk "http://127.0.0.1:$p_bare/mcp" "" "$echo_call" "$pid_bare"); echo "round $round $b"
  bare+=("$(rps "$b")"); bare99+=("$(p99 "$b")"); bareCpu+=("$(cpu "$b")")
  n=$(run node-everything "http://127.0.0.1:$p_node/mcp" "" "$echo_call" "$pid_node"); echo "round $round $n"; node+=("$(rps "$n")")
done
python3 -c "
r=[${ruche[0]},${ruche[1]}]; b=[${bare[0]},${bare[1]}]; n=[${node[0]},${node[1]}]
m=lambda xs: sum(xs)/len(xs)
r99=[${ruche99[0]},${ruche99[1]}]; b99=[${bare99[0]},${bare99[1]}]
rc=[${rucheCpu[0]},${rucheCpu[1]}]; bc=[${bareCpu[0]},${bareCpu[1]}]
print(f'mean rps: ruche {m(r):.0f}, bare-sdk {m(b):.0f}, node {m(n):.0f}; ratio ruche/bare-sdk={m(r)/m(b):.2f} ruche/node={m(r)/m(n):.2f}')
print(f'mean p99: ruche {m(r99):.2f} ms, bare-sdk {m(b99):.2f} ms; ratio ruche/bare-sdk={m(r99)/m(b99):.2f}')
print(f'mean server CPU per call: ruche {m(rc):.1f} us, bare-sdk {m(bc):.1f} us; ratio bare-sdk/ruche={m(bc)/m(rc):.2f}')"
if [ -n "${PROFILE:-}" ]; then
  kill "$RUCHE_PID"; wait "$RUCHE_PID" 2>/dev/null || true
  jfr view --width 200 hot-methods "$jfr" | head -n 40
  jfr view --width 200 allocation-by-site "$jfr" | head -n 25
fi
