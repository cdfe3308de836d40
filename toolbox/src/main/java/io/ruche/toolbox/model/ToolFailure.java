package io.ruche.toolbox.model;

import java.util.List;
import java.util.Locale;

/**
 * Why a tool invocation failed. Every failure carries the tool name and a message safe to
 * show to the caller.
 */
public sealed interface ToolFailure
		permits ToolFailure.UnknownTool, ToolFailure.InvalidArguments, ToolFailure.SandboxTimeout,
		ToolFailure.RateLimited, ToolFailure.CircuitOpen, ToolFailure.Rejected, ToolFailure.ToolCrashed {

	String toolName();

	/**
	 * A one-line explanation for the caller.
	 * @return the message, never null
	 */
	String message();

	/**
	 * The contract status of this failure.
	 * @return the status, never null
	 */
	default ToolStatus status() {
		return switch (this) {
			case UnknownTool unknown -> ToolStatus.ERROR;
			case InvalidArguments invalid -> ToolStatus.REJECTED;
			case ToolCrashed crashed -> ToolStatus.ERROR;
			case SandboxTimeout timeout -> ToolStatus.TIMEOUT;
			case RateLimited limited -> ToolStatus.RATE_LIMITED;
			case CircuitOpen open -> ToolStatus.CIRCUIT_OPEN;
			case Rejected rejected -> ToolStatus.REJECTED;
		};
	}

	/** The tool does not exist in the tenant's catalog, or cannot be invoked. */
	record UnknownTool(String toolName, String message) implements ToolFailure {
	}

	/**
	 * The arguments do not match the tool's input schema; nothing ran.
	 *
	 * @param toolName the tool
	 * @param problems the schema problems, one per line
	 */
	record InvalidArguments(String toolName, List<String> problems) implements ToolFailure {

		public InvalidArguments {
			problems = List.copyOf(problems);
		}

		@Override
		public String message() {
			return "invalid arguments for '" + this.toolName + "': " + String.join("; ", this.problems);
		}

	}

	/**
	 * The call took longer than its timeout and was abandoned.
	 *
	 * @param toolName the tool
	 * @param timeoutMs the timeout that applied
	 */
	record SandboxTimeout(String toolName, long timeoutMs) implements ToolFailure {

		@Override
		public String message() {
			return "tool '" + this.toolName + "' did not answer within " + this.timeoutMs + " ms";
		}

	}

	/**
	 * A rate or concurrency limit was reached; trying later may succeed.
	 *
	 * @param toolName the tool
	 * @param limit which limit: {@code tenant_rate}, {@code tool_rate} or
	 * {@code tenant_concurrency}
	 */
	record RateLimited(String toolName, String limit) implements ToolFailure {

		@Override
		public String message() {
			return "tool '" + this.toolName + "' refused: " + this.limit + " limit reached, try again later";
		}

	}

	/** The tool failed too often recently; calls are refused until it recovers. */
	record CircuitOpen(String toolName) implements ToolFailure {

		@Override
		public String message() {
			return "tool '" + this.toolName + "' is failing and temporarily disabled (circuit open)";
		}

	}

	/**
	 * The sandbox refused the call by policy.
	 *
	 * @param toolName the tool
	 * @param reason the policy that refused it
	 * @param message details for the caller
	 */
	record Rejected(String toolName, Reason reason, String message) implements ToolFailure {
	}

	/**
	 * The tool ran and failed, or its answer could not be used.
	 *
	 * @param toolName the tool
	 * @param message what went wrong (never secrets)
	 */
	record ToolCrashed(String toolName, String message) implements ToolFailure {
	}

	/** Why the sandbox refused a call. */
	enum Reason {

		/** The target host is not allowed (private range, or not on the allow-list). */
		EGRESS_REFUSED,
		/** The tool needs confirmation and it was refused or could not be asked. */
		CONFIRMATION_REFUSED,
		/** The tenant's daily quota is used up. */
		QUOTA_EXCEEDED,
		/** The idempotency key was already used for this irreversible tool. */
		ALREADY_RAN,
		/** The tool is not enabled for the agent. */
		NOT_ENABLED,
		/** The answer exceeded the response size cap. */
		RESPONSE_TOO_LARGE,
		/** The audit record of the call could not be written, so the call did not run. */
		AUDIT_UNAVAILABLE;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
