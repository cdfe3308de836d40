#!/usr/bin/env bash
# Concurrent conversations through HAProxy on a cluster of Ruche instances (scripts/cluster.sh), then a check
# against PostgreSQL that no acknowledged turn was lost and that no two turns of a conversation interleaved.
#
#   bench/load.sh MODE [conversations=1000] [turns=5] [inflight=64] [think_ms=200]
#
# MODE: template (an exclusive template answers, no model) or model (a fake OpenAI-compatible model answering
# in $MODEL_DELAY_MS, default 200 ms, writes every reply). Every conversation keeps its MCP session open
# until all turns are done; at most `inflight` requests are on the wire at once.
# Env: INSTANCES (3), REUSE_CLUSTER=1 (keep a running cluster as it is; default: restart it so that the
# instances get the fake model's settings), RETRIES (0: a failed turn is counted and given up; n: sent again
# after 1 s up to n times, as a client would during faults), and the settings of scripts/cluster.sh.
# Output: RESULT and HEAP lines, then CHECK (lost, interleaved), and the files in $OUT (target/load/<time>).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/find-jdk.sh"
MODE=${1:?template or model}; CONVERSATIONS=${2:-1000}; TURNS=${3:-5}; INFLIGHT=${4:-64}; THINK_MS=${5:-200}
INSTANCES=${INSTANCES:-3}; RETRIES=${RETRIES:-0}; MODEL_DELAY_MS=${MODEL_DELAY_MS:-200}
LB_PORT="${RUCHE_CLUSTER_PORT:-8090}"; PG_PORT="${RUCHE_CLUSTER_PG_PORT:-5440}"
DB="${RUCHE_CLUSTER_DB:-ruche_cluster_run}"; KEY="${RUCHE_CLUSTER_KEY:-cluster-admin-key}"
MODEL_PORT=$((LB_PORT + 100))
OUT=${OUT:-$ROOT/target/load/$(date +%Y%m%d-%H%M%S)-$MODE-$CONVERSATIONS}
mkdir -p "$OUT"
CLUSTER="$ROOT/scripts/cluster.sh"

# The fake model: the instances are configured for it in both modes (the template path never calls it).
if ! curl -sf -o /dev/null "http://127.0.0.1:$MODEL_PORT/count"; then
  setsid java "$BENCH_DIR/load/FakeChatModel.java" "$MODEL_PORT" "$MODEL_DELAY_MS" >"$OUT/fake-model.log" 2>&1 &
  echo $! >"$OUT/fake-model.pid"
  wait_http "http://127.0.0.1:$MODEL_PORT/count" 60
fi
export RUCHE_MODEL_PROVIDER=openai RUCHE_MODEL_BASE_URL="http://127.0.0.1:$MODEL_PORT/v1" RUCHE_MODEL_API_KEY=fake \
  RUCHE_MODEL_NAME=fake-model
[ "${REUSE_CLUSTER:-0}" = 1 ] || "$CLUSTER" down
"$CLUSTER" up "$INSTANCES"

agent="load-$MODE-$(date +%s)"
(cd "$BENCH_DIR" && python3 - "$agent" "$MODE" "http://127.0.0.1:$LB_PORT/mcp" "$KEY" <<'EOF'
import sys
from mcp_client import McpSession
agent, mode, url, key = sys.argv[1:]
mcp = McpSession(url, key)
mcp.call("agent_upsert", {"name": agent, "persona": "You are the support assistant of a bike shop."})
rule = {"name": "refund delay", "condition": "The customer asks how long a refund takes",
        "action": "Tell them refunds reach their account within five working days", "priority": 50}
if mode == "template":
    rule["template"] = {"text": "Refunds reach your account within 5 working days.", "mode": "exclusive"}
mcp.call("rule_upsert", {"agent": agent, "rule": rule})
# A cluster started without the fake model (REUSE_CLUSTER=1 on another cluster) would only answer errors.
reply = mcp.call("converse", {"agent": agent, "message": "How long does a refund take?"})
if reply["mode"] != ("template" if mode == "template" else "llm"):
    sys.exit(f"the cluster answered in mode {reply['mode']}: restart it without REUSE_CLUSTER=1")
EOF
)
model_before=$(curl -sf "http://127.0.0.1:$MODEL_PORT/count")
echo "load: agent $agent, $MODE, $CONVERSATIONS conversations x $TURNS turns, inflight $INFLIGHT, think 0-$THINK_MS ms," \
  "$INSTANCES instances (heap ${RUCHE_CLUSTER_HEAP:-512m} each), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$OUT/summary.txt"
HEAP_CMD="$CLUSTER heap" java -Xmx1g "$BENCH_DIR/load/LoadGenerator.java" "http://127.0.0.1:$LB_PORT/mcp" "$KEY" \
  "$agent" "$CONVERSATIONS" "$TURNS" "$INFLIGHT" "$THINK_MS" "$RETRIES" "$OUT" | tee -a "$OUT/summary.txt"
echo "model completions during the run: $(( $(curl -sf "http://127.0.0.1:$MODEL_PORT/count") - model_before ))" \
  | tee -a "$OUT/summary.txt"

# Lost: acknowledged turns the database does not hold. Interleaved: acknowledged turns stored with another
# message, and conversations whose stored turns are not numbered 1..n.
psql -X -q -U postgres -h 127.0.0.1 -p "$PG_PORT" -d "$DB" -v ON_ERROR_STOP=1 -tA -F ' ' <<EOF | tee -a "$OUT/summary.txt"
CREATE TEMP TABLE acks (session_id TEXT, turn INT, message TEXT);
\copy acks FROM '$OUT/acks.csv' CSV
SELECT 'CHECK acknowledged=' || count(*),
       'lost=' || count(*) FILTER (WHERE t.turn IS NULL),
       'interleaved=' || (count(*) FILTER (WHERE t.turn IS NOT NULL AND position(a.message IN t.body) = 0)
         + (SELECT count(*) FROM (SELECT session_id FROM turns WHERE session_id IN (SELECT session_id FROM acks)
                                  GROUP BY session_id HAVING max(turn) <> count(*)) gaps)),
       'stored_unacknowledged=' || ((SELECT count(*) FROM turns WHERE session_id IN (SELECT session_id FROM acks))
         - count(*) FILTER (WHERE t.turn IS NOT NULL))
FROM acks a LEFT JOIN turns t ON t.session_id = a.session_id AND t.turn = a.turn;
EOF
echo "files: $OUT"
