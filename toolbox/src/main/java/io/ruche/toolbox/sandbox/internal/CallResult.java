package io.ruche.toolbox.sandbox.internal;

import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.SandboxTimeout;
import org.jspecify.annotations.Nullable;

/**
 * The result of one attempt at the transport: an output, or a failure.
 */
sealed interface CallResult {

	static CallResult success(@Nullable Object output) {
		return new Succeeded(output);
	}

	static CallResult failed(ToolFailure failure, boolean transientFailure) {
		return new Failed(failure, transientFailure);
	}

	/** Whether trying again may succeed. */
	default boolean transientFailure() {
		return this instanceof Failed failed && failed.transientFailure();
	}

	// a tool that answers a clear 4xx is up: only hangs and transient errors open the
	// circuit
	default boolean healthFailure() {
		return this instanceof Failed failed
				&& (failed.failure() instanceof SandboxTimeout || failed.transientFailure());
	}

	/**
	 * The tool answered.
	 *
	 * @param output what it answered
	 */
	record Succeeded(@Nullable Object output) implements CallResult {
	}

	/**
	 * The attempt failed.
	 *
	 * @param failure why
	 * @param transientFailure whether trying again may succeed
	 */
	record Failed(ToolFailure failure, boolean transientFailure) implements CallResult {
	}

}
