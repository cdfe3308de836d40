package io.ruche.brain.enforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Produces a new draft that should avoid the given violations.
 */
@FunctionalInterface
public interface Regenerator {

	/**
	 * Regenerates.
	 * @param violations what the previous draft broke, to feed back to the model
	 * @param attempt 1 for the first regeneration
	 * @return the new draft, or null when no new draft can be made (no model, model down)
	 */
	@Nullable String regenerate(List<Violation> violations, int attempt);

	/** A regenerator that never produces a draft (template and client drafts). */
	Regenerator NONE = (violations, attempt) -> null;

}
