package io.ruche.brain.enforce.internal;

import java.util.List;
import java.util.Locale;

import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.ConstraintJudge;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fail-open model judge (brain reference 5.2, lane 2).
 */
public final class LanguageModelJudge implements ConstraintJudge {

	private static final Logger log = LoggerFactory.getLogger(LanguageModelJudge.class);

	private static final String SYSTEM = "You are a compliance judge. Answer exactly PASS if the reply respects the rule, "
			+ "or FAIL: <short reason> if it does not.";

	private final LanguageModel model;

	public LanguageModelJudge(LanguageModel model) {
		this.model = model;
	}

	@Override
	public @Nullable String failure(String response, Constraint.Judged constraint) {
		String prompt = "Rule: " + constraint.instruction() + "\n\nReply:\n" + response;
		try {
			String answer = this.model.generate(new ModelRequest(SYSTEM, List.of(ModelMessage.user(prompt)), 0.0, 100))
				.text()
				.strip();
			if (answer.toUpperCase(Locale.ROOT).startsWith("FAIL")) {
				String reason = answer.substring(4).replaceFirst("^\\s*:\\s*", "").strip();
				return reason.isEmpty() ? "judged as breaking the rule" : reason;
			}
			return null;
		}
		catch (RuntimeException ex) {
			log.warn("constraint judge failed for rule {}; counting as a pass", constraint.ruleId(), ex);
			return null;
		}
	}

}
