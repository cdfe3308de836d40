package io.ruche.brain;

import java.util.List;

import io.ruche.brain.enforce.Violation;

/**
 * Enforcement of a converse reply.
 *
 * @param passed whether the generated reply passed without a fallback
 * @param violations what the last rejected draft broke
 * @param regenerations how many regenerations were made
 */
public record EnforcementSummary(boolean passed, List<Violation> violations, int regenerations) {

	public EnforcementSummary {
		violations = List.copyOf(violations);
	}

}
