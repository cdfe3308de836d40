#!/usr/bin/env bash
# One MCP server alone on the machine under the wrk load of mcp-throughput.sh, for runs that no other server
# disturbs: Ruche (agents_list) or the bare SDK server (echo). Prints wrk's result and the server's CPU per call.
#
#   bench/mcp-alone.sh ruche|bare [connections=16] [warmup_s=30] [duration_s=15]
#
# JAVA_OPTIONS: more JVM options for the server (e.g. -XX:StartFlightRecording=filename=x.jfr,settings=profile).
# Build first (mcp-throughput.sh does): the script uses mcp-server/target/ruche.jar and bench/bare-sdk-server.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
need wrk wrk
SERVER=${1:?ruche or bare}; CONNS=${2:-16}; WARMUP=${3:-30}; DURATION=${4:-15}
work=$(mktemp -d); port=$(free_port); url="http://127.0.0.1:$port/mcp"
if [ "$SERVER" = ruche ]; then
  RUCHE_JAVA_OPTIONS="${JAVA_OPTIONS:-}" start_ruche "$port" "$work"; pid=$RUCHE_PID
  auth="Authorization: Bearer bench-admin-key"
  body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"agents_list","arguments":{}}}'
  trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  wait_http "http://127.0.0.1:$port/actuator/health" 120
else
  java ${JAVA_OPTIONS:-} -cp "$BENCH_DIR/bare-sdk-server/target/bare-sdk-server-1.jar:$BENCH_DIR/bare-sdk-server/target/dependency/*" \
    bench.BareSdkServer "$port" >"$work/bare.log" 2>&1 & pid=$!
  auth=""
  body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"}}}'
  trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  sleep 3
fi
sid=$(mcp_session "$url" "$auth")
measure_calls "$url" "$sid" "$auth" "$body" "$pid" "$WARMUP" "$CONNS" >/dev/null
echo "$SERVER $(measure_calls "$url" "$sid" "$auth" "$body" "$pid" "$DURATION" "$CONNS")"
