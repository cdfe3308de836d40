package io.ruche.brain;

import java.util.List;

import io.ruche.brain.enforce.Violation;

/**
 * The verdict on a draft (the {@code enforce} tool's structured content).
 *
 * @param passed whether the draft satisfies every applicable constraint
 * @param violations what it breaks
 * @param committed whether it was recorded as the session's reply
 */
public record EnforceResult(boolean passed, List<Violation> violations, boolean committed) {

	public EnforceResult {
		violations = List.copyOf(violations);
	}

}
