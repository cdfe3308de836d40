# Shared helpers of the benchmark scripts (sourced).
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
TOOLS="${RUCHE_TOOLS_DIR:-${HOME:-/root}/.cache/ruche-tools}"

# need COMMAND DEBIAN-PACKAGE: stop with a clear message when a tool the benchmark drives is missing
need() {
  command -v "$1" >/dev/null || { echo "bench: '$1' is not installed (Debian: apt-get install $2)" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # url, seconds
  local deadline=$((SECONDS + ${2:-60}))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for $1" >&2; return 1; }
    sleep 0.05
  done
}

# mcp_session URL [AUTH-HEADER] -> prints the Mcp-Session-Id of a fresh, initialised session
mcp_session() {
  local url=$1 auth=${2:-} headers
  headers=$(mktemp)
  curl -s -D "$headers" -o /dev/null -X POST "$url" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' ${auth:+-H "$auth"} \
    -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}'
  local sid
  sid=$(grep -i '^mcp-session-id:' "$headers" | cut -d' ' -f2 | tr -d '\r')
  rm -f "$headers"
  curl -s -o /dev/null -X POST "$url" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${auth:+-H "$auth"} -H "Mcp-Session-Id: $sid" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo "$sid"
}

# mcp_call URL SID AUTH BODY -> prints the JSON-RPC response
mcp_call() {
  curl -s -X POST "$1" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${3:+-H "$3"} -H "Mcp-Session-Id: $2" -d "$4" | sed -n 's/^data: //p'
}

build_ruche() {
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl mcp-server -am)
}

start_ruche() { # port datadir [extra env...] ; sets RUCHE_PID; RUCHE_JAVA_OPTIONS: more JVM options
  local port=$1 data=$2; shift 2
  env RUCHE_DATA_DIR="$data" RUCHE_BOOTSTRAP_KEY=bench-admin-key "$@" \
    java ${RUCHE_JAVA_OPTIONS:-} -jar "$ROOT/mcp-server/target/ruche.jar" --server.port="$port" >"$data/server.log" 2>&1 &
  RUCHE_PID=$!
}

# CPU time (user + system) a process has used, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# microseconds of CPU per call: ticks before, ticks after, calls
cpu_us_per_call() { python3 -c "print(f'{($2 - $1) / $(getconf CLK_TCK) * 1e6 / max($3, 1):.1f}')"; }

# measure_calls URL SID AUTH BODY PID SECONDS [CONNECTIONS=16] -> wrk's RESULT line (bench/mcp-call.lua) plus the
# server's CPU time per call (µs), which the other processes sharing the cores disturb far less than the rate
measure_calls() {
  local before after out calls
  before=$(cpu_ticks "$5")
  out=$(SID=$2 AUTH=$3 BODY=$4 wrk -t2 -c"${7:-16}" -d"$6s" --latency -s "$BENCH_DIR/mcp-call.lua" "$1" | grep RESULT)
  after=$(cpu_ticks "$5"); calls=$(echo "$out" | sed -n 's/.*calls=\([0-9]*\).*/\1/p')
  echo "$out cpu_us_per_call=$(cpu_us_per_call "$before" "$after" "$calls")"
}
