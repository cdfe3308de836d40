package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * Expands the kept rules along their relations after selection (docs/brain.md, phase 6b):
 * {@code depends_on} and {@code implies} targets are added (depth 2, cycle-safe, only
 * enabled rules in scope), then every {@code excludes} target of a selected rule is
 * removed; exclusion beats the other kinds.
 */
final class RelationshipExpansion {

	static final int MAX_DEPTH = 2;

	private RelationshipExpansion() {
	}

	static List<Scored<Rule>> expand(List<Scored<Rule>> kept, List<Rule> all, @Nullable String scenarioId,
			@Nullable String stepId, Map<String, Object> decisions) {
		Map<String, Rule> byName = new LinkedHashMap<>();
		all.forEach((rule) -> byName.put(rule.name(), rule));
		Map<String, Scored<Rule>> result = new LinkedHashMap<>();
		kept.forEach((scored) -> result.put(scored.item().name(), scored));
		List<String> added = new ArrayList<>();
		for (Scored<Rule> scored : kept) {
			follow(scored, scored.item(), 1, byName, scenarioId, stepId, result, added);
		}
		Set<String> excluded = new HashSet<>();
		for (Scored<Rule> scored : kept) {
			scored.item()
				.content()
				.relations()
				.stream()
				.filter((r) -> r.kind() == RelationKind.EXCLUDES)
				.forEach((r) -> excluded.add(r.rule()));
		}
		List<String> removed = excluded.stream().filter(result::containsKey).sorted().toList();
		removed.forEach(result::remove);
		decisions.put("added", added);
		decisions.put("excluded", removed);
		return List.copyOf(result.values());
	}

	private static void follow(Scored<Rule> origin, Rule rule, int depth, Map<String, Rule> byName,
			@Nullable String scenarioId, @Nullable String stepId, Map<String, Scored<Rule>> result,
			List<String> added) {
		if (depth > MAX_DEPTH) {
			return;
		}
		for (Relation relation : rule.content().relations()) {
			if (relation.kind() == RelationKind.EXCLUDES || result.containsKey(relation.rule())) {
				continue;
			}
			Rule target = byName.get(relation.rule());
			if (target == null || !ApplicableConstraints.applies(target, scenarioId, stepId)) {
				continue;
			}
			result.put(target.name(), new Scored<>(target, origin.score()));
			added.add(target.name() + " (" + relation.kind().wireName() + " from " + rule.name() + ")");
			follow(origin, target, depth + 1, byName, scenarioId, stepId, result, added);
		}
	}

}
