package io.ruche.brain.configuration.internal;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;

/**
 * Resolves the {@code scope_ref} of a rule: a scenario id or name for SCENARIO rules; a
 * step id, or {@code scenario/step} with the scenario's id or name, for STEP rules.
 * Stored references are ids ({@code scenarioId} or {@code scenarioId/stepId}).
 */
final class ScopeReferences {

	private ScopeReferences() {
	}

	static Optional<String> resolve(RuleScope scope, String reference, List<Scenario> scenarios) {
		if (scope == RuleScope.SCENARIO) {
			return findScenario(reference, scenarios).map(Scenario::id);
		}
		int slash = reference.indexOf('/');
		if (slash > 0) {
			String stepId = reference.substring(slash + 1);
			return findScenario(reference.substring(0, slash), scenarios).filter((s) -> s.step(stepId).isPresent())
				.map((s) -> s.id() + "/" + stepId);
		}
		List<Scenario> owners = scenarios.stream().filter((s) -> s.step(reference).isPresent()).toList();
		return (owners.size() == 1) ? Optional.of(owners.get(0).id() + "/" + reference) : Optional.empty();
	}

	/**
	 * Writes a stored reference with scenario names, for export.
	 */
	static String portable(String storedReference, List<Scenario> scenarios) {
		int slash = storedReference.indexOf('/');
		String scenarioId = (slash > 0) ? storedReference.substring(0, slash) : storedReference;
		String name = findScenario(scenarioId, scenarios).map(Scenario::name).orElse(scenarioId);
		return (slash > 0) ? name + storedReference.substring(slash) : name;
	}

	static Optional<Scenario> findScenario(String idOrName, List<Scenario> scenarios) {
		return scenarios.stream()
			.filter((s) -> s.id().equals(idOrName))
			.findFirst()
			.or(() -> scenarios.stream().filter((s) -> s.name().equals(idOrName)).findFirst());
	}

	static String describe(RuleScope scope) {
		return (scope == RuleScope.SCENARIO) ? "a scenario id or name"
				: "a step id (unique among the agent's scenarios) or scenario/step";
	}

}
