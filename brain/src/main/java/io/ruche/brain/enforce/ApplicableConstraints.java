package io.ruche.brain.enforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import org.jspecify.annotations.Nullable;

/**
 * Which constraints apply to a reply (mcp-surface, "Which constraints apply"): those of
 * every enabled live GLOBAL rule, matched or not, and those of SCENARIO and STEP rules
 * while their scenario or step is active.
 */
public final class ApplicableConstraints {

	private ApplicableConstraints() {
	}

	/**
	 * Lane-1 constraints.
	 * @param rules the agent's rules
	 * @param scenarioId the active scenario, or null
	 * @param stepId the active step, or null
	 * @return the constraints, in rule order
	 */
	public static List<Constraint> of(Collection<Rule> rules, @Nullable String scenarioId, @Nullable String stepId) {
		List<Constraint> constraints = new ArrayList<>();
		for (Rule rule : rules) {
			if (applies(rule, scenarioId, stepId)) {
				for (String expression : rule.content().constraints()) {
					constraints.add(new Constraint.Expression(rule.id(), rule.name(), expression, fallbackOf(rule)));
				}
			}
		}
		return constraints;
	}

	/**
	 * Lane-2 constraints: the actions of the matched rules that have no expression, for a
	 * model judge.
	 * @param matched the rules matched this turn
	 * @return the constraints
	 */
	public static List<Constraint> judged(Collection<Rule> matched) {
		return matched.stream()
			.filter((rule) -> rule.content().constraints().isEmpty())
			.map((rule) -> (Constraint) new Constraint.Judged(rule.id(), rule.name(), rule.content().action(),
					fallbackOf(rule)))
			.toList();
	}

	/**
	 * Whether a rule is in force for the given scenario position.
	 * @param rule the rule
	 * @param scenarioId the active scenario, or null
	 * @param stepId the active step, or null
	 * @return true when enabled, live and in scope
	 */
	public static boolean applies(Rule rule, @Nullable String scenarioId, @Nullable String stepId) {
		if (!rule.enabled() || !rule.live()) {
			return false;
		}
		String ref = rule.content().scopeRef();
		return switch (rule.content().scope()) {
			case GLOBAL -> true;
			case SCENARIO -> ref != null && ref.equals(scenarioId);
			case STEP -> ref != null && stepId != null && (ref.equals(scenarioId + "/" + stepId) || ref.equals(stepId));
		};
	}

	public static @Nullable Template fallbackOf(Rule rule) {
		Template template = rule.content().template();
		return (template != null && template.mode() == TemplateMode.FALLBACK) ? template : null;
	}

}
