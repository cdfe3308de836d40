package io.ruche.brain.configuration;

import io.ruche.brain.model.Rule.RuleContent;
import org.jspecify.annotations.Nullable;

/**
 * A rule as an editor submits it.
 *
 * @param id the id of the rule to update, or null to create one (or to update the live
 * rule of that name)
 * @param name the rule name
 * @param content the rule body
 * @param priority -100 to 100
 * @param enabled whether the rule takes part in turns
 * @param expectedVersion the version the editor read; null to update whatever is stored
 */
public record RuleDraft(@Nullable String id, String name, RuleContent content, int priority, boolean enabled,
		@Nullable Long expectedVersion) {
}
