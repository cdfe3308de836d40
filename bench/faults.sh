#!/usr/bin/env bash
# Faults during load on the local cluster (scripts/cluster.sh): conversations keep going through HAProxy
# (bench/load.sh, clients that send a failed turn again after 1 s) while one fault is injected, then the run is
# checked: acknowledged turns all stored, none interleaved, no partial turn (a session's turn count is the
# number of its turns), and how long errors lasted.
#
#   bench/faults.sh redis|postgres|kill|all [conversations=100] [turns=60]
#
#   redis     Redis stopped for 30 s, then started again
#   postgres  PostgreSQL stopped (fast shutdown: open connections are cut) and started again 15 s later
#   kill      one instance killed with -9 in the middle of the turns, started again 5 s later
# Every second the script records each instance's readiness (HTTP status and time) in probes.csv, and during
# the fault it sends a turn straight to instance 1 (no HAProxy) to time how the instance itself answers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FAULT=${1:?redis, postgres, kill or all}; CONVERSATIONS=${2:-100}; TURNS=${3:-60}
if [ "$FAULT" = all ]; then
  for fault in redis postgres kill; do "$0" "$fault" "$CONVERSATIONS" "$TURNS"; done
  exit 0
fi
LB_PORT="${RUCHE_CLUSTER_PORT:-8090}"; PG_PORT="${RUCHE_CLUSTER_PG_PORT:-5440}"
DB="${RUCHE_CLUSTER_DB:-ruche_cluster_run}"; KEY="${RUCHE_CLUSTER_KEY:-cluster-admin-key}"
CLUSTER="$ROOT/scripts/cluster.sh"
OUT=$ROOT/target/faults/$(date +%Y%m%d-%H%M%S)-$FAULT
mkdir -p "$OUT"
"$CLUSTER" up "${INSTANCES:-3}"
instances=$(cat "${RUCHE_CLUSTER_DIR:-$ROOT/target/cluster}/instances")

event() { echo "$(date +%s.%N) $*" | tee -a "$OUT/events.txt"; }

probe() { # every second: each instance's readiness
  while :; do
    for i in $(seq "$instances"); do
      curl -s -o /dev/null -m 5 -w "$(date +%s),i$i,%{http_code},%{time_total}\n" \
        "http://127.0.0.1:$((LB_PORT + i))/actuator/health/readiness" >>"$OUT/probes.csv" || true
    done
    sleep 1
  done
}

direct_turn() { # a turn sent to instance 1 itself: status, seconds, the start of the answer
  local url="http://127.0.0.1:$((LB_PORT + 1))/mcp" sid body
  sid=$(mcp_session "$url" "Authorization: Bearer $KEY")
  body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"converse","arguments":{"agent":"'"$1"'","message":"How long does a refund take?"}}}'
  curl -s -m 60 -o "$OUT/direct.body" -w "%{http_code} %{time_total}" -X POST "$url" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H "Authorization: Bearer $KEY" ${sid:+-H "Mcp-Session-Id: $sid"} \
    -d "$body" || true
  echo " $(sed -n 's/^data: //p' "$OUT/direct.body" | grep -o '"text":"[^"]\{0,140\}' | head -n1)"
}

echo "epoch,instance,status,seconds" >"$OUT/probes.csv"
probe & probe_pid=$!
trap 'kill $probe_pid 2>/dev/null || true' EXIT

OUT="$OUT/load" REUSE_CLUSTER=1 RETRIES=90 "$ROOT/bench/load.sh" template "$CONVERSATIONS" "$TURNS" 32 1000 \
  >"$OUT/load.log" 2>&1 & load_pid=$!
# The fault starts once the conversations are talking.
until grep -q '^opened' "$OUT/load.log" 2>/dev/null; do
  kill -0 $load_pid 2>/dev/null || { cat "$OUT/load.log"; exit 1; }
  sleep 1
done
agent=$(sed -n 's/.*agent \(load-template-[0-9]*\).*/\1/p' "$OUT/load.log" | head -n1)
sleep 10
case "$FAULT" in
  redis)
    event "redis stop"; "$CLUSTER" redis-stop
    sleep 5; event "direct turn to i1 while Redis is down: $(direct_turn "$agent")"
    sleep 25; event "redis start"; "$CLUSTER" redis-start ;;
  postgres)
    event "postgres stop"; "$CLUSTER" pg-stop
    sleep 5; event "direct turn to i1 while PostgreSQL is down: $(direct_turn "$agent")"
    sleep 10; event "postgres start"; "$CLUSTER" pg-start ;;
  kill)
    victim=2
    event "kill -9 i$victim"; "$CLUSTER" kill $victim
    sleep 5; event "start i$victim"; "$CLUSTER" start $victim; event "i$victim ready" ;;
  *) echo "unknown fault $FAULT" >&2; exit 2 ;;
esac
wait $load_pid || true
kill $probe_pid 2>/dev/null || true

{
  echo "fault: $FAULT; $CONVERSATIONS conversations x $TURNS turns, think 0-1000 ms, clients retry after 1 s"
  cat "$OUT/events.txt"
  grep -E '^(RESULT|ERRORS|CHECK)' "$OUT/load.log"
  # Partial turns: a session whose turn count is not the number of its stored turns.
  echo "partial_turns=$(psql -X -q -U postgres -h 127.0.0.1 -p "$PG_PORT" -d "$DB" -tAc \
    "SELECT count(*) FROM sessions s WHERE s.agent_id IN (SELECT id FROM agents WHERE name = '$agent')
       AND s.turn_count <> (SELECT count(*) FROM turns t WHERE t.tenant_id = s.tenant_id AND t.session_id = s.id)")"
  python3 - "$OUT" <<'EOF'
import csv, sys
out = sys.argv[1]
events = [line.split(" ", 1) for line in open(f"{out}/events.txt")]
start = float(events[0][0])
end = float(events[-1][0]) if len(events) > 1 else start
timeline = [(int(r["epoch_second"]), int(r["replies"]), int(r["errors"])) for r in csv.DictReader(open(f"{out}/load/timeline.csv"))]
errors = [t for t, _, e in timeline if e]
print(f"errors from {min(errors) - start:+.0f} s to {max(errors) - start:+.0f} s after the fault began" if errors else "no error")
after = [t for t, r, e in timeline if t >= int(end) and r]
print(f"first reply {after[0] - end:+.0f} s after the fault ended" if after else "no reply after the fault ended")
rows = list(csv.DictReader(open(f"{out}/probes.csv")))
for instance in sorted({r["instance"] for r in rows}):
    down = [int(r["epoch"]) for r in rows if r["instance"] == instance and r["status"] != "200"]
    slow = max(float(r["seconds"]) for r in rows if r["instance"] == instance)
    print(f"{instance} readiness: " + (f"not 200 from {min(down) - start:+.0f} s to {max(down) - start:+.0f} s"
          if down else "always 200") + f", slowest probe {slow:.2f} s")
EOF
} | tee "$OUT/summary.txt"
echo "files: $OUT"
