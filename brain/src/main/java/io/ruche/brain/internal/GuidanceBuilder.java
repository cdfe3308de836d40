package io.ruche.brain.internal;

import java.util.List;
import java.util.Map;

import io.ruche.brain.EnforceRequest;
import io.ruche.brain.EnforceResult;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.GuidanceResult.ConstraintView;
import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.Enforcer;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.template.Templates;
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * Builds guidance for a client's model and checks the client's drafts: no model call.
 */
final class GuidanceBuilder {

	private final Enforcer enforcer;

	GuidanceBuilder(Enforcer enforcer) {
		this.enforcer = enforcer;
	}

	GuidanceResult result(TurnState turn, @Nullable ScenarioPosition position) {
		List<ConstraintView> constraints = ApplicableConstraints
			.of(turn.snapshot.plainRules(), turn.scenarioId(), turn.stepId())
			.stream()
			.map((c) -> new ConstraintView(c.ruleName(), ((Constraint.Expression) c).expression()))
			.toList();
		Scored<Rule> exclusive = ReplyGenerator.exclusiveRule(turn.matched);
		Rule source = (exclusive != null) ? exclusive.item()
				: ReplyGenerator.firstWith(turn.matchedRules(), TemplateMode.SUGGEST);
		Template template = (source != null) ? source.content().template() : null;
		// What guidance returns is for the client's model: personal values are hidden
		// from it as from the configured model.
		PersonalValues personal = PersonalValues.of(turn, true);
		String rendered = (template != null) ? personal.mask(Templates.render(template.text(), turn.templateValues()))
				: null;
		return new GuidanceResult(turn.session.id(), turn.turn, TurnPersistence.matchedRules(turn), position,
				personal.mask(Prompts.instructions(turn)), constraints, rendered, TurnTools.named(turn), turn.traceId);
	}

	TurnOutcome<EnforceResult> enforceWithoutSession(AgentSnapshot snapshot, String draft) {
		List<Constraint> constraints = ApplicableConstraints.of(snapshot.plainRules(), null, null);
		List<Violation> violations = this.enforcer.check(draft, new ExpressionInput("", null, Map.of(), Map.of()),
				constraints);
		return new TurnOutcome.Completed<>(new EnforceResult(violations.isEmpty(), violations, false));
	}

	TurnOutcome<EnforceResult> enforceInSession(AgentSnapshot snapshot, Session session, Interlocutor interlocutor,
			TurnStore turns, EnforceRequest request) {
		List<TurnRecord> history = turns.turns(session.tenant(), session.id());
		String message = history.isEmpty() ? "" : history.get(history.size() - 1).message();
		List<Constraint> constraints = ApplicableConstraints.of(snapshot.plainRules(), session.state().scenarioId(),
				session.state().stepId());
		List<Violation> violations = this.enforcer.check(request.draft(),
				new ExpressionInput(message, null, session.state().variables(), interlocutor.fields()), constraints);
		boolean passed = violations.isEmpty();
		// A violating draft is never recorded as the agent's reply.
		String kept = PersonalValues.of(snapshot, session.state().variables(), interlocutor, false)
			.mask(request.draft());
		boolean committed = passed && request.commit() && !history.isEmpty()
				&& turns.commitResponse(session.tenant(), session.id(), history.get(history.size() - 1).turn(), kept);
		return new TurnOutcome.Completed<>(new EnforceResult(passed, violations, committed));
	}

}
