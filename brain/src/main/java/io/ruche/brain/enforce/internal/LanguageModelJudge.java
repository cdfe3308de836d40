package io.ruche.brain.enforce.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.ConstraintJudge;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fail-open model judge of every natural-language constraint of a draft at once (brain
 * reference 5.2, lane 2).
 */
public final class LanguageModelJudge implements ConstraintJudge {

	private static final Logger log = LoggerFactory.getLogger(LanguageModelJudge.class);

	private static final String SYSTEM = "You are a compliance judge. For each numbered rule, answer one line: "
			+ "<number>: PASS if the reply respects the rule, or <number>: FAIL: <short reason> if it does not.";

	private static final Pattern VERDICT = Pattern
		.compile("^\\s*(?:rule\\s*)?(\\d+)\\s*[:.)-]\\s*(PASS|FAIL)\\b\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

	private final LanguageModel model;

	public LanguageModelJudge(LanguageModel model) {
		this.model = model;
	}

	@Override
	public List<Violation> violations(String response, List<Constraint.Judged> constraints) {
		StringBuilder prompt = new StringBuilder("Rules:\n");
		for (int i = 0; i < constraints.size(); i++) {
			prompt.append(i + 1).append(". ").append(constraints.get(i).instruction()).append('\n');
		}
		prompt.append("\nReply:\n").append(response);
		String answer;
		try {
			answer = this.model
				.generate(new ModelRequest(SYSTEM, List.of(ModelMessage.user(prompt.toString())), 0.0,
						40 + 30 * constraints.size()))
				.text()
				.strip();
		}
		catch (RuntimeException ex) {
			log.warn("constraint judge failed for {} rule(s); counting as a pass", constraints.size(), ex);
			return List.of();
		}
		return read(answer, constraints);
	}

	// Numbered lines name their rule. An unnumbered FAIL (some models answer that way
	// for a single rule) is taken as meant for every rule judged.
	private static List<Violation> read(String answer, List<Constraint.Judged> constraints) {
		Map<Integer, String> failures = new HashMap<>();
		boolean numbered = false;
		for (String line : answer.split("\\R")) {
			Matcher matcher = VERDICT.matcher(line);
			if (matcher.matches()) {
				numbered = true;
				if (matcher.group(2).equalsIgnoreCase("FAIL")) {
					failures.put(Integer.parseInt(matcher.group(1)) - 1, reason(matcher.group(3)));
				}
			}
		}
		if (!numbered && answer.toUpperCase(Locale.ROOT).startsWith("FAIL")) {
			String reason = reason(answer.substring(4).replaceFirst("^\\s*:\\s*", ""));
			for (int i = 0; i < constraints.size(); i++) {
				failures.put(i, reason);
			}
		}
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < constraints.size(); i++) {
			String reason = failures.get(i);
			if (reason != null) {
				Constraint.Judged judged = constraints.get(i);
				violations.add(new Violation(judged.ruleId(), judged.ruleName(), judged.instruction(), reason));
			}
		}
		return violations;
	}

	private static String reason(String text) {
		String reason = text.strip();
		return reason.isEmpty() ? "judged as breaking the rule" : reason;
	}

}
