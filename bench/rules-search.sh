#!/usr/bin/env bash
# Cost of rules_search on an agent with 1,000 rules (embedded store, local embedding model): latency with a
# query (ranking by meaning: one embedding + similarity over 1,000 rules) and without (listing by priority),
# under wrk with 1 connection, next to the cost of the embedding alone (the same query through the model).
#
#   bench/rules-search.sh [rules=1000] [duration_s=20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
need wrk wrk
RULES=${1:-1000}; DURATION=${2:-20}
build_ruche
work=$(mktemp -d); port=$(free_port)
trap 'kill "$RUCHE_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
start_ruche "$port" "$work"
url="http://127.0.0.1:$port/mcp"; auth="Authorization: Bearer bench-admin-key"
wait_http "http://127.0.0.1:$port/actuator/health" 120
sid=$(mcp_session "$url" "$auth")
mcp_call "$url" "$sid" "$auth" '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"agent_upsert","arguments":{"name":"bench"}}}' >/dev/null
topics=(refund delivery invoice password warranty discount subscription shipping return exchange)
start=$(date +%s%N)
for i in $(seq 1 "$RULES"); do
  t=${topics[$((i % 10))]}
  mcp_call "$url" "$sid" "$auth" "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"rule_upsert\",\"arguments\":{\"agent\":\"bench\",\"rule\":{\"name\":\"rule $i\",\"condition\":\"The customer asks about $t case number $i\",\"action\":\"Answer about $t\",\"priority\":$((i % 100))}}}}" >/dev/null
done
end=$(date +%s%N)
echo "machine: $(nproc) cores; $RULES rules created in $(( (end - start) / 1000000 )) ms ($(( (end - start) / 1000 / RULES )) us per rule_upsert, embedding included)"
ranked='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"rules_search","arguments":{"agent":"bench","query":"I would like my money back","limit":10}}}'
listed='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"rules_search","arguments":{"agent":"bench","limit":10}}}'
list_agents='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"agents_list","arguments":{}}}'
for name in ranked listed list_agents; do
  body=${!name}
  SID=$sid AUTH=$auth BODY=$body wrk -t1 -c1 -d5s -s "$BENCH_DIR/mcp-call.lua" "$url" >/dev/null
  echo "$name $(SID=$sid AUTH=$auth BODY=$body wrk -t1 -c1 -d"${DURATION}s" --latency -s "$BENCH_DIR/mcp-call.lua" "$url" | grep RESULT)"
done
