package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.model.Rule;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.kernel.model.Scored;

/**
 * The model's ternary verdict on the rules retrieval kept (reference P5): one call for
 * all candidates, each rule judged APPLIES, NOT_RELATED or UNSURE with a confidence. Only
 * a confident NOT_RELATED drops a rule; a rule the model did not judge is kept (the
 * filter can only narrow what selection kept, never widen it).
 */
final class RuleFilter {

	private static final Pattern VERDICT = Pattern
		.compile("(?m)^\\s*(\\d+)\\s*[.:)-]?\\s*(APPLIES|NOT_RELATED|UNSURE)\\b\\s*(?:[(:,]?\\s*([01](?:\\.\\d+)?))?");

	private static final String SYSTEM = """
			You check which rules of a conversational agent apply to the customer's latest message.
			For every numbered rule answer one line: the number, then APPLIES, NOT_RELATED or UNSURE, then your \
			confidence from 0 to 1. Example: "2 NOT_RELATED 0.9". Answer nothing else.""";

	private RuleFilter() {
	}

	static List<Scored<Rule>> filter(LanguageModel model, String message, List<Scored<Rule>> candidates,
			double threshold, Map<String, Object> decisions) {
		StringBuilder prompt = new StringBuilder("Message: ").append(message).append("\n\nRules:\n");
		for (int i = 0; i < candidates.size(); i++) {
			Rule rule = candidates.get(i).item();
			prompt.append(i + 1)
				.append(". When ")
				.append(rule.content().condition())
				.append(": ")
				.append(rule.content().action())
				.append('\n');
		}
		ModelReply reply = model
			.generate(new ModelRequest(SYSTEM, List.of(ModelMessage.user(prompt.toString())), 0.0, 200));
		Map<Integer, Verdict> verdicts = parse(reply.text());
		List<Scored<Rule>> kept = new ArrayList<>();
		Map<String, Object> judged = new LinkedHashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			Scored<Rule> candidate = candidates.get(i);
			Verdict verdict = verdicts.get(i + 1);
			boolean drop = verdict != null && verdict.kind().equals("NOT_RELATED") && verdict.confidence() >= threshold;
			judged.put(candidate.item().name(),
					(verdict != null) ? verdict.kind() + " " + verdict.confidence() : "no verdict (kept)");
			if (!drop) {
				kept.add(candidate);
			}
		}
		decisions.put("verdicts", judged);
		decisions.put("threshold", threshold);
		decisions.put("kept", kept.stream().map((s) -> s.item().name()).toList());
		return kept;
	}

	static Map<Integer, Verdict> parse(String text) {
		Map<Integer, Verdict> verdicts = new LinkedHashMap<>();
		Matcher matcher = VERDICT.matcher(text);
		while (matcher.find()) {
			double confidence = (matcher.group(3) != null) ? Double.parseDouble(matcher.group(3)) : 1.0;
			verdicts.putIfAbsent(Integer.parseInt(matcher.group(1)), new Verdict(matcher.group(2), confidence));
		}
		return verdicts;
	}

	record Verdict(String kind, double confidence) {
	}

}
