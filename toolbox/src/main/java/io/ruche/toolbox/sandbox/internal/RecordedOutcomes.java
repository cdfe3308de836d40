package io.ruche.toolbox.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolFailure.Rejected;
import io.ruche.toolbox.model.ToolFailure.SandboxTimeout;
import io.ruche.toolbox.model.ToolFailure.ToolCrashed;
import io.ruche.toolbox.port.JsonCodec;

/** Converts the result of an irreversible call to and from the ledger's JSON. */
final class RecordedOutcomes {

	private final JsonCodec json;

	RecordedOutcomes(JsonCodec json) {
		this.json = json;
	}

	String encode(CallResult result) {
		Map<String, Object> recorded = new LinkedHashMap<>();
		switch (result) {
			case CallResult.Succeeded succeeded -> {
				recorded.put("status", "ok");
				recorded.put("output", succeeded.output());
			}
			case CallResult.Failed failed -> failed(failed.failure(), recorded);
		}
		return this.json.encode(recorded);
	}

	private static void failed(ToolFailure failure, Map<String, Object> recorded) {
		recorded.put("status", failure.status().wireName());
		recorded.put("message", failure.message());
		if (failure instanceof SandboxTimeout timeout) {
			recorded.put("timeout_ms", timeout.timeoutMs());
		}
		if (failure instanceof Rejected rejected) {
			recorded.put("reason", rejected.reason().name());
		}
	}

	CallResult decode(String toolName, String outcomeJson) {
		if (!(this.json.decode(outcomeJson) instanceof Map<?, ?> recorded)) {
			return CallResult.failed(new ToolCrashed(toolName, "the recorded outcome is unreadable"), false);
		}
		String message = String.valueOf(recorded.get("message"));
		return switch (String.valueOf(recorded.get("status"))) {
			case "ok" -> CallResult.success(recorded.get("output"));
			case "timeout" -> CallResult.failed(
					new SandboxTimeout(toolName, (recorded.get("timeout_ms") instanceof Number n) ? n.longValue() : 0),
					false);
			case "rejected" -> CallResult
				.failed(new Rejected(toolName, Reason.valueOf(String.valueOf(recorded.get("reason"))), message), false);
			default -> CallResult.failed(new ToolCrashed(toolName, message), false);
		};
	}

}
