package io.ruche.brain.model;

import java.time.Instant;
import java.util.List;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * "When CONDITION, then ACTION", scoped to the agent, a scenario or a step.
 *
 * @param tenant the owning tenant
 * @param agentId the owning agent
 * @param id the rule id
 * @param name unique among the agent's live rules
 * @param content what the rule says and where it applies
 * @param priority -100 to 100, higher wins
 * @param enabled whether the rule takes part in turns
 * @param version incremented on every write, for optimistic concurrency
 * @param deletedAt when the rule was soft-deleted, or null
 * @param updatedAt when the rule was last written
 */
public record Rule(TenantId tenant, String agentId, String id, String name, RuleContent content, int priority,
		boolean enabled, long version, @Nullable Instant deletedAt, Instant updatedAt) {

	public Rule {
		Names.check("rule name", name);
		if (priority < -100 || priority > 100) {
			throw new IllegalArgumentException("priority must be between -100 and 100, was " + priority);
		}
	}

	public boolean live() {
		return this.deletedAt == null;
	}

	/**
	 * The body of a rule.
	 *
	 * @param condition when the rule applies, in natural language (matched by meaning)
	 * @param action what the agent should do
	 * @param scope where the rule applies
	 * @param scopeRef the scenario id (SCENARIO) or {@code scenarioId/stepId} (STEP);
	 * null for GLOBAL
	 * @param template a reply template, or null
	 * @param constraints CEL expressions every reply must satisfy while the rule applies
	 * @param tools names of tools to run when the rule matches
	 * @param limits firing limits per session
	 * @param relations how this rule relates to the agent's other rules, expanded after
	 * selection
	 */
	public record RuleContent(String condition, String action, RuleScope scope, @Nullable String scopeRef,
			@Nullable Template template, List<String> constraints, List<String> tools, FiringLimits limits,
			List<Relation> relations) {

		public RuleContent(String condition, String action, RuleScope scope, @Nullable String scopeRef,
				@Nullable Template template, List<String> constraints, List<String> tools, FiringLimits limits) {
			this(condition, action, scope, scopeRef, template, constraints, tools, limits, List.of());
		}

		public RuleContent {
			if (condition.isBlank()) {
				throw new IllegalArgumentException("rule condition must not be blank");
			}
			if (action.isBlank()) {
				throw new IllegalArgumentException("rule action must not be blank");
			}
			if (scope != RuleScope.GLOBAL && (scopeRef == null || scopeRef.isBlank())) {
				throw new IllegalArgumentException(
						"a " + scope.wireName() + " rule needs scope_ref: the id of its " + scope.wireName());
			}
			if (scope == RuleScope.GLOBAL) {
				scopeRef = null;
			}
			constraints = List.copyOf(constraints);
			tools = List.copyOf(tools);
			// Rules stored before relations existed have none.
			relations = (relations != null) ? List.copyOf(relations) : List.of();
		}

	}

	/**
	 * A relation to another rule of the agent, by that rule's name.
	 *
	 * @param kind what the relation means
	 * @param rule the name of the related rule
	 */
	public record Relation(RelationKind kind, String rule) {

		public Relation {
			Names.check("related rule name", rule);
		}

	}

	/**
	 * The kinds of relation between rules (docs/brain.md, phase 6b).
	 */
	public enum RelationKind {

		/** When this rule is kept, the related rule is kept too: this rule needs it. */
		DEPENDS_ON,
		/** When this rule is kept, the related rule applies as well. */
		IMPLIES,
		/**
		 * When this rule is kept, the related rule is removed; exclusion beats the other
		 * kinds.
		 */
		EXCLUDES;

		public String wireName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/**
		 * Parses {@code depends_on}, {@code implies} or {@code excludes}.
		 * @param name the name
		 * @return the kind
		 */
		public static RelationKind parse(String name) {
			for (RelationKind kind : values()) {
				if (kind.wireName().equalsIgnoreCase(name.trim())) {
					return kind;
				}
			}
			throw new IllegalArgumentException(
					"unknown relation kind '" + name + "': expected depends_on, implies or excludes");
		}

	}

	/**
	 * Limits on how often a rule fires in one session.
	 *
	 * @param maxFiresPerSession 0 for unlimited
	 * @param cooldownTurns turns to wait after firing before it may fire again; 0 for
	 * none
	 */
	public record FiringLimits(int maxFiresPerSession, int cooldownTurns) {

		public static final FiringLimits NONE = new FiringLimits(0, 0);

		public FiringLimits {
			if (maxFiresPerSession < 0 || cooldownTurns < 0) {
				throw new IllegalArgumentException("max_fires_per_session and cooldown_turns must not be negative");
			}
		}

	}

}
