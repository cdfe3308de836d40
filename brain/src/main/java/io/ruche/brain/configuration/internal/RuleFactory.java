package io.ruche.brain.configuration.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;

/**
 * Turns validated drafts into rules (resolving scope references to ids) and rules back
 * into portable drafts.
 */
final class RuleFactory {

	private final Clock clock;

	RuleFactory(Clock clock) {
		this.clock = clock;
	}

	Rule build(TenantId tenant, String agentId, RuleDraft draft, Optional<Rule> existing, List<Scenario> scenarios) {
		RuleContent content = draft.content();
		String scopeRef = (content.scope() == RuleScope.GLOBAL || content.scopeRef() == null) ? null
				: ScopeReferences.resolve(content.scope(), content.scopeRef(), scenarios).orElseThrow();
		try {
			RuleContent resolved = new RuleContent(content.condition(), content.action(), content.scope(), scopeRef,
					content.template(), content.constraints(), content.tools(), content.limits(), content.relations());
			return new Rule(tenant, agentId, existing.map(Rule::id).orElseGet(() -> Ids.newId("rul")), draft.name(),
					resolved, draft.priority(), draft.enabled(), existing.map(Rule::version).orElse(0L), null,
					this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException("rule '" + draft.name() + "': " + ex.getMessage());
		}
	}

	static RuleDraft portableDraft(Rule rule, List<Scenario> scenarios) {
		RuleContent content = rule.content();
		String scopeRef = (content.scopeRef() != null) ? ScopeReferences.portable(content.scopeRef(), scenarios) : null;
		RuleContent portable = new RuleContent(content.condition(), content.action(), content.scope(), scopeRef,
				content.template(), content.constraints(), content.tools(), content.limits(), content.relations());
		return new RuleDraft(null, rule.name(), portable, rule.priority(), rule.enabled(), null);
	}

}
