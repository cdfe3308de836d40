-- wrk script: one MCP tools/call per request on an initialised session.
-- Environment: SID (Mcp-Session-Id), BODY (JSON-RPC request), AUTH (Authorization header, optional).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = os.getenv("SID")
local auth = os.getenv("AUTH")
if auth ~= nil and auth ~= "" then
  wrk.headers["Authorization"] = auth:gsub("^Authorization: ", "")
end
wrk.body = os.getenv("BODY")

function done(summary, latency, requests)
  io.write(string.format("RESULT calls=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
