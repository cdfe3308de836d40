package io.ruche.brain.enforce;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to do when a draft breaks a constraint.
 *
 * @param maxRegenerations how many regenerations to try first
 * @param agentFallback the agent's fallback text, or null
 * @param templateValues the values for {@code {{name}}} placeholders in fallbacks
 */
public record Remediation(int maxRegenerations, @Nullable String agentFallback, Map<String, String> templateValues) {

	/** Sent when neither a rule nor the agent offers a fallback. */
	public static final String SAFE_REPLY = "I'm sorry, I can't help with that right now. Could you rephrase or ask something else?";

	public Remediation {
		templateValues = Map.copyOf(templateValues);
	}

}
