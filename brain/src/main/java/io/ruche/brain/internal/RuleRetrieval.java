package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.selection.Selection;
import io.ruche.brain.selection.Selector;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * Retrieves the rules of a turn: in-scope rules (GLOBAL, and SCENARIO/STEP rules of the
 * active scenario and step), minus those at their firing limits, scored by in-process
 * cosine and then selected.
 */
final class RuleRetrieval {

	private RuleRetrieval() {
	}

	static Selection<Rule> retrieve(AgentSnapshot snapshot, SessionState history, int turn, @Nullable String scenarioId,
			@Nullable String stepId, Embedding message, Map<String, Object> decisions) {
		List<Scored<Rule>> scored = new ArrayList<>();
		int limited = 0;
		for (EmbeddedRule embedded : snapshot.rules()) {
			Rule rule = embedded.rule();
			if (!ApplicableConstraints.applies(rule, scenarioId, stepId)) {
				continue;
			}
			if (atLimit(rule, history, turn)) {
				limited++;
				continue;
			}
			scored.add(new Scored<>(rule, embedded.embedding().cosine(message)));
		}
		Selection<Rule> selection = Selector.of(snapshot.selection().rules()).select(scored);
		decisions.put("candidates", scored.size());
		decisions.put("at_firing_limit", limited);
		decisions.put("selection", selection.explanation());
		decisions.put("kept",
				selection.kept()
					.stream()
					.map((kept) -> Map.of("rule", kept.item().name(), "id", kept.item().id(), "score", kept.score()))
					.toList());
		return selection;
	}

	// Reference P4: max fires reached, or fired within the last cooldown_turns turns.
	private static boolean atLimit(Rule rule, SessionState history, int turn) {
		Rule.FiringLimits limits = rule.content().limits();
		int fires = history.ruleFires().getOrDefault(rule.id(), 0);
		if (limits.maxFiresPerSession() > 0 && fires >= limits.maxFiresPerSession()) {
			return true;
		}
		Integer last = history.ruleLastFiredTurn().get(rule.id());
		return limits.cooldownTurns() > 0 && last != null && turn - last <= limits.cooldownTurns();
	}

}
