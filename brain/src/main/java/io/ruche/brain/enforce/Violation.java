package io.ruche.brain.enforce;

/**
 * A broken constraint.
 *
 * @param ruleId the rule id
 * @param rule the rule name
 * @param expression the CEL expression, or the judged instruction
 * @param message why it is broken, fit to feed back to a model
 */
public record Violation(String ruleId, String rule, String expression, String message) {
}
