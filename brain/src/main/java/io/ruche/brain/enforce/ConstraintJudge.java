package io.ruche.brain.enforce;

import io.ruche.brain.enforce.internal.LanguageModelJudge;
import io.ruche.brain.port.LanguageModel;
import org.jspecify.annotations.Nullable;

/**
 * Lane 2: judges whether a reply respects a rule written in natural language.
 */
public interface ConstraintJudge {

	/**
	 * A judge asking a model for {@code PASS} or {@code FAIL: reason}. It fails open: a
	 * model error or an unexpected answer counts as a pass, because lane 1 holds the hard
	 * guarantees and a model outage must not block every reply.
	 * @param model the model
	 * @return the judge, never null
	 */
	static ConstraintJudge of(LanguageModel model) {
		return new LanguageModelJudge(model);
	}

	/**
	 * Judges a reply.
	 * @param response the draft reply
	 * @param constraint the rule's instruction
	 * @return the reason it fails, or null when it passes
	 */
	@Nullable String failure(String response, Constraint.Judged constraint);

}
