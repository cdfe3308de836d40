package io.ruche.toolbox.model;

import org.jspecify.annotations.Nullable;

/**
 * How one tool invocation ended. Expected failures are values, never exceptions.
 */
public sealed interface ToolOutcome permits ToolOutcome.Completed, ToolOutcome.Failed {

	/**
	 * The contract status of this outcome.
	 * @return the status, never null
	 */
	default ToolStatus status() {
		return switch (this) {
			case Completed completed -> ToolStatus.OK;
			case Failed failed -> failed.failure().status();
		};
	}

	/**
	 * The tool ran and answered.
	 *
	 * @param toolName the tool
	 * @param output the JSON-like output (or text), null for JSON {@code null}
	 * @param durationMs the time taken, sandbox checks included
	 */
	record Completed(String toolName, @Nullable Object output, long durationMs) implements ToolOutcome {
	}

	/**
	 * The tool did not run, or ran and failed.
	 *
	 * @param failure why
	 * @param durationMs the time taken, sandbox checks included
	 */
	record Failed(ToolFailure failure, long durationMs) implements ToolOutcome {
	}

}
