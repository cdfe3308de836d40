"""A minimal MCP Streamable HTTP client for the benchmark scripts (standard library only)."""
import json
import urllib.request


class McpSession:

    def __init__(self, url, key=None):
        self.url = url
        self.key = key
        self.session_id = None
        self.next_id = 1
        response = self._post({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
        self.session_id = response.headers["Mcp-Session-Id"]
        response.read()
        self._post({"jsonrpc": "2.0", "method": "notifications/initialized"}).read()

    def _post(self, body):
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if self.key:
            headers["Authorization"] = "Bearer " + self.key
        if self.session_id:
            headers["Mcp-Session-Id"] = self.session_id
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(), headers=headers, method="POST")
        return urllib.request.urlopen(request, timeout=120)

    def call(self, tool, arguments):
        """Calls a tool and returns its structuredContent; raises on tool errors."""
        self.next_id += 1
        raw = self._post({"jsonrpc": "2.0", "id": self.next_id, "method": "tools/call",
                          "params": {"name": tool, "arguments": arguments}}).read().decode()
        message = None
        for line in raw.splitlines():
            if line.startswith("data: "):
                message = json.loads(line[6:])
        if message is None:
            message = json.loads(raw)
        if "error" in message:
            raise RuntimeError(f"{tool}: {message['error']}")
        result = message["result"]
        if result.get("isError"):
            raise RuntimeError(f"{tool}: {result['content'][0]['text']}")
        return result.get("structuredContent")
