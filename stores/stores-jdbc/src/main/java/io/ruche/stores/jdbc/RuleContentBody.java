package io.ruche.stores.jdbc;

import java.util.List;

import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a rule's {@link RuleContent}, in {@code rules.content} and
 * {@code rule_versions.content}.
 *
 * @param relations null in rules stored before relations existed
 */
record RuleContentBody(String condition, String action, String scope, @Nullable String scopeRef,
		@Nullable TemplateBody template, List<String> constraints, List<String> tools, LimitsBody limits,
		@Nullable List<RelationBody> relations) implements JsonBody {

	static RuleContentBody of(RuleContent content) {
		return new RuleContentBody(content.condition(), content.action(), content.scope().name(), content.scopeRef(),
				TemplateBody.of(content.template()), content.constraints(), content.tools(),
				new LimitsBody(content.limits().maxFiresPerSession(), content.limits().cooldownTurns()),
				Rows.map(content.relations(), (relation) -> new RelationBody(relation.kind().name(), relation.rule())));
	}

	RuleContent toContent() {
		List<Relation> related = (this.relations != null) ? Rows.map(this.relations,
				(relation) -> new Relation(RelationKind.valueOf(relation.kind()), relation.rule())) : List.of();
		return new RuleContent(this.condition, this.action, RuleScope.valueOf(this.scope), this.scopeRef,
				TemplateBody.toTemplate(this.template), this.constraints, this.tools,
				new FiringLimits(this.limits.maxFiresPerSession(), this.limits.cooldownTurns()), related);
	}

	/** The JSON of {@link FiringLimits}. */
	record LimitsBody(int maxFiresPerSession, int cooldownTurns) {
	}

	/** The JSON of one {@link Relation}. */
	record RelationBody(String kind, String rule) {
	}

}
