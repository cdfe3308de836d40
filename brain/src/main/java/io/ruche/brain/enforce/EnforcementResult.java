package io.ruche.brain.enforce;

import java.util.List;

/**
 * The reply that may leave and how it was obtained.
 *
 * @param response the reply to send
 * @param passed whether the draft (or a regenerated one) passed without a fallback
 * @param violations what the last rejected draft broke; empty when the first draft passed
 * @param regenerations how many regenerations were made
 * @param source where the reply comes from
 * @param judgeCalls how many model calls the lane-2 judge made
 */
public record EnforcementResult(String response, boolean passed, List<Violation> violations, int regenerations,
		Source source, int judgeCalls) {

	public EnforcementResult {
		violations = List.copyOf(violations);
	}

	public boolean usedFallback() {
		return this.source != Source.DRAFT;
	}

	/**
	 * Where a reply comes from.
	 */
	public enum Source {

		/** The draft or a regenerated draft, which passed. */
		DRAFT,

		/** The FALLBACK template of a broken rule. */
		RULE_FALLBACK,

		/** The agent's fallback text. */
		AGENT_FALLBACK,

		/** The fixed safe reply. */
		SAFE_REPLY

	}

}
