package io.ruche.brain.enforce;

import java.util.List;

import io.ruche.brain.enforce.internal.LanguageModelJudge;
import io.ruche.brain.port.LanguageModel;

/**
 * Lane 2: judges whether a reply respects rules written in natural language, all of them
 * in one call, so that the judge costs one model call per draft however many rules apply.
 */
public interface ConstraintJudge {

	/**
	 * A judge asking a model for a {@code PASS} or {@code FAIL: reason} line per rule. It
	 * fails open: a model error, or a rule the answer does not mention, counts as a pass,
	 * because lane 1 holds the hard guarantees and a model outage must not block every
	 * reply.
	 * @param model the model
	 * @return the judge, never null
	 */
	static ConstraintJudge of(LanguageModel model) {
		return new LanguageModelJudge(model);
	}

	/**
	 * Judges a reply.
	 * @param response the draft reply
	 * @param constraints the rules' instructions, not empty
	 * @return the broken ones with the reason, in the order given; empty when all pass
	 */
	List<Violation> violations(String response, List<Constraint.Judged> constraints);

}
