package io.ruche.brain.scenario.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.ExpressionResult;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.ExitCondition;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.kernel.embedding.Embedding;
import org.jspecify.annotations.Nullable;

/**
 * Whether the message leaves the active scenario: a CEL exit condition of the scenario or
 * of its step holds (in the order written, the scenario's first), a plain-language one
 * scores at least the exit threshold, or the message resembles the built-in cancel intent
 * at least as much as the cancel threshold.
 */
final class Exits {

	/** Why the scenario is left, as recorded with the abandoned scenario. */
	static final String BY_CONDITION = "exit_condition";

	/** Left by the built-in cancel intent. */
	static final String BY_CANCEL = "cancel";

	private Exits() {
	}

	/**
	 * A way out that holds.
	 *
	 * @param kind {@link #BY_CONDITION} or {@link #BY_CANCEL}
	 * @param reason why, for the trace
	 */
	record Exit(String kind, String reason) {
	}

	static Optional<Exit> find(EmbeddedScenario active, ScenarioStep step, NavigationInput input,
			Map<String, String> variables, Expressions expressions, NavigationSettings settings,
			Map<String, Object> decisions, List<String> errors) {
		ExpressionInput values = ExpressionInput.forTransition(input.message(), variables, input.interlocutor());
		List<Owned> conditions = new ArrayList<>();
		active.scenario().exitConditions().forEach((c) -> conditions.add(new Owned(null, ExitCondition.of(c))));
		step.exitConditions().forEach((c) -> conditions.add(new Owned(step.id(), ExitCondition.of(c))));
		Map<String, Object> scores = new LinkedHashMap<>();
		Exit byMeaning = null;
		double best = Double.NEGATIVE_INFINITY;
		for (Owned owned : conditions) {
			switch (owned.condition()) {
				case ExitCondition.Cel cel -> {
					ExpressionResult result = expressions.evaluate(cel.text(), ExpressionKind.TRANSITION, values);
					if (result instanceof ExpressionResult.Error error) {
						errors.add("exit condition `" + cel.text() + "`: " + error.message());
					}
					if (result.isTrue()) {
						return Optional.of(new Exit(BY_CONDITION, "exit condition holds: " + cel.text()));
					}
				}
				case ExitCondition.Meaning meaning -> {
					Embedding embedding = active.embeddings()
						.exits()
						.get(ScenarioEmbeddings.exitKey(owned.stepId(), meaning.text()));
					if (embedding != null) {
						double score = embedding.cosine(input.messageEmbedding());
						scores.put(meaning.text(), Scores.round(score));
						if (score > best && score >= settings.exitThreshold()) {
							best = score;
							byMeaning = new Exit(BY_CONDITION, "message matches exit condition '" + meaning.text()
									+ "' at " + Scores.round(score));
						}
					}
				}
			}
		}
		if (!scores.isEmpty()) {
			decisions.put("exit_scores", scores);
		}
		if (byMeaning != null) {
			return Optional.of(byMeaning);
		}
		if (!settings.cancelIntent()) {
			return Optional.empty();
		}
		double cancel = input.cancel().score(input.messageEmbedding());
		if (cancel == Double.NEGATIVE_INFINITY) {
			return Optional.empty();
		}
		decisions.put("cancel_score", Scores.round(cancel));
		return (cancel >= settings.cancelThreshold())
				? Optional.of(new Exit(BY_CANCEL, "message cancels the request at " + Scores.round(cancel)))
				: Optional.empty();
	}

	/** A condition with the step that declares it, null for the scenario's own. */
	private record Owned(@Nullable String stepId, ExitCondition condition) {
	}

}
