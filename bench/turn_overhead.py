"""Turn overhead on the template path (no model) with 1,000 rules and 50 scenarios, against the cost of one
local embedding measured inside the same turns (the trace's situation phase records embedding_ms). The answering
rule runs a tool on a loopback HTTP service and its template quotes the tool's output; the tools phase is
excluded from the ratio (its time is the tool's, not the pipeline's) and reported beside it.

    python3 bench/turn_overhead.py URL KEY [turns=200]
"""
import json
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from mcp_client import McpSession

TOPICS = ["refund", "delivery", "invoice", "password", "warranty", "discount", "subscription", "shipping",
          "exchange", "loyalty points"]


class RefundService(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"days": 5}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start_refund_service():
    server = ThreadingHTTPServer(("127.0.0.1", 0), RefundService)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def setup(mcp, tool_port):
    mcp.call("agent_upsert", {"name": "bench", "persona": "You are the support assistant."})
    mcp.call("tool_register", {"tool": {
        "name": "refund_delay", "description": "Working days a refund takes.", "kind": "http",
        "target": f"http://127.0.0.1:{tool_port}/refund", "side_effect": "pure",
        "input_schema": {"type": "object"}, "timeout_ms": 5000}})
    mcp.call("tool_enable", {"agent": "bench", "name": "refund_delay"})
    started = time.time()
    for i in range(1000):
        topic = TOPICS[i % len(TOPICS)]
        mcp.call("rule_upsert", {"agent": "bench", "rule": {
            "name": f"rule {i}", "condition": f"The customer asks about {topic} policy number {i}",
            "action": f"Explain the {topic} policy {i}", "priority": i % 50}})
    mcp.call("rule_upsert", {"agent": "bench", "rule": {
        "name": "refund delay", "condition": "The customer asks how long a refund takes",
        "action": "Quote the delay", "priority": 90, "tools": ["refund_delay"],
        "template": {"text": "Refunds reach your account within {{tools.refund_delay.days}} working days.",
                     "mode": "exclusive"}}})
    for s in range(50):
        topic = TOPICS[s % len(TOPICS)]
        mcp.call("scenario_upsert", {"agent": "bench", "scenario": {
            "name": f"flow {s}", "entry_condition": f"The customer wants to start a {topic} request number {s}",
            "steps": [{"id": "collect", "instructions": "Ask for the reference",
                       "collects": [{"name": "reference", "pattern": "([A-Z]{3}[0-9]{4})"}],
                       "transitions": [{"to": "done", "condition": "has(variables.reference)"}]},
                      {"id": "done", "instructions": "Confirm", "terminal": True}]}})
    return time.time() - started


def main():
    url, key = sys.argv[1], sys.argv[2]
    turns = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    mcp = McpSession(url, key)
    print(f"configured 1001 rules and 50 scenarios in {setup(mcp, start_refund_service()):.1f} s")
    messages = ["How long does it take to get my refund?", "When will I see the money from my refund?",
                "How many days until the refund arrives?", "How long do refunds take?"]
    totals, embeddings, tools, ratios, modes, model_calls = [], [], [], [], {}, 0
    for i in range(turns + 20):
        reply = mcp.call("converse", {"agent": "bench", "message": messages[i % len(messages)]})
        trace = mcp.call("trace_get", {"trace": reply["trace"]})
        tool = next(p for p in trace["phases"] if p["name"] == "tools")["duration_ms"]
        total = sum(phase["duration_ms"] for phase in trace["phases"]) - tool
        # A cold first call may be slow; measured turns must all carry the tool's output.
        if i >= 20 and "5 working days" not in reply["response"]:
            runs = next(p for p in trace["phases"] if p["name"] == "tools")
            raise SystemExit(f"the tool's output did not reach the reply: {reply['response']!r}; tools phase: {runs}")
        embedding = next(p for p in trace["phases"] if p["name"] == "situation")["decisions"]["embedding_ms"]
        persistence = next(p for p in trace["phases"] if p["name"] == "persistence")["decisions"]
        model_calls += persistence.get("model_calls", 0)
        if i >= 20:  # the first 20 turns warm the JIT up
            totals.append(total)
            embeddings.append(embedding)
            tools.append(tool)
            ratios.append(total / embedding)
            modes[reply["mode"]] = modes.get(reply["mode"], 0) + 1
    q = lambda xs, p: statistics.quantiles(xs, n=100)[p - 1]
    print(f"turns measured: {turns} (after 20 warm-up turns); reply modes: {modes}")
    print(f"pipeline time per turn (phases but tools): p50 {statistics.median(totals):.2f} ms, p90 {q(totals, 90):.2f} ms")
    print(f"tools phase (one loopback HTTP call):  p50 {statistics.median(tools):.2f} ms, p90 {q(tools, 90):.2f} ms")
    print(f"one local embedding (same turns):      p50 {statistics.median(embeddings):.2f} ms, p90 {q(embeddings, 90):.2f} ms")
    print(f"model calls recorded by the traces:    {model_calls} in {turns + 20} turns")
    print(f"overhead / embedding per turn:         p50 {statistics.median(ratios):.2f}x (target <= 1.6x)")


if __name__ == "__main__":
    main()
