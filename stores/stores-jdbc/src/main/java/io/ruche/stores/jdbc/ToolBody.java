package io.ruche.stores.jdbc;

import java.util.Map;

import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import org.jspecify.annotations.Nullable;

/** The JSON of a tool's definition but its name and version, in {@code tools.body}. */
record ToolBody(String description, Map<String, Object> inputSchema, @Nullable Map<String, Object> outputSchema,
		String kind, String target, ExecutionBody execution, Map<String, String> secrets,
		Map<String, Object> annotations, @Nullable String source) implements JsonBody {

	static ToolBody of(ToolDefinition tool) {
		ExecutionPolicy execution = tool.execution();
		return new ToolBody(tool.description(), tool.inputSchema(), tool.outputSchema(), tool.kind().name(),
				tool.target(), new ExecutionBody(execution.timeoutMs(), execution.sideEffect().name(),
						execution.requiresConfirmation()),
				tool.secrets(), tool.annotations(), tool.source());
	}

	ExecutionPolicy toExecution() {
		return new ExecutionPolicy(this.execution.timeoutMs(), SideEffect.valueOf(this.execution.sideEffect()),
				this.execution.requiresConfirmation());
	}

	/** The JSON of an {@link ExecutionPolicy}. */
	record ExecutionBody(long timeoutMs, String sideEffect, boolean requiresConfirmation) {
	}

}
