package io.ruche.toolbox.sandbox.internal;

import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.SandboxTimeout;
import org.jspecify.annotations.Nullable;

/**
 * The result of one attempt at the transport.
 *
 * @param output the output when the attempt succeeded
 * @param failure the failure, or null on success
 * @param transientFailure whether trying again may succeed
 */
record CallResult(@Nullable Object output, @Nullable ToolFailure failure, boolean transientFailure) {

	static CallResult success(@Nullable Object output) {
		return new CallResult(output, null, false);
	}

	static CallResult failed(ToolFailure failure, boolean transientFailure) {
		return new CallResult(null, failure, transientFailure);
	}

	// a tool that answers a clear 4xx is up: only hangs and transient errors open the
	// circuit
	boolean healthFailure() {
		return this.failure instanceof SandboxTimeout || this.transientFailure;
	}

}
