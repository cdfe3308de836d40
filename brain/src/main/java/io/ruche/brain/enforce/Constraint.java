package io.ruche.brain.enforce;

import io.ruche.brain.model.Template;
import org.jspecify.annotations.Nullable;

/**
 * One check a reply must pass, from one rule.
 */
public sealed interface Constraint {

	String ruleId();

	String ruleName();

	/**
	 * The rule's FALLBACK template, sent when this constraint stays broken.
	 * @return the template, or null
	 */
	@Nullable Template fallback();

	/**
	 * Lane 1: a CEL expression over {@code response}, {@code message}, {@code variables}
	 * and {@code interlocutor}; an evaluation error counts as a violation.
	 *
	 * @param ruleId the rule id
	 * @param ruleName the rule name
	 * @param expression the CEL expression
	 * @param fallback the rule's FALLBACK template, or null
	 */
	record Expression(String ruleId, String ruleName, String expression,
			@Nullable Template fallback) implements Constraint {
	}

	/**
	 * Lane 2: the rule's action, judged by a model.
	 *
	 * @param ruleId the rule id
	 * @param ruleName the rule name
	 * @param instruction what the reply must respect
	 * @param fallback the rule's FALLBACK template, or null
	 */
	record Judged(String ruleId, String ruleName, String instruction,
			@Nullable Template fallback) implements Constraint {
	}

}
