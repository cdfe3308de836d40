package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Names;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import org.jspecify.annotations.Nullable;

/**
 * Checks drafts against the {@link ContentLimits}, naming each text or list too long and
 * never echoing it.
 */
final class ContentChecks {

	private static final int STEP_NAME_CHARS = 100;

	private final ContentLimits limits;

	ContentChecks(ContentLimits limits) {
		this.limits = limits;
	}

	/** Whether an expression is short enough to be parsed at all. */
	boolean fitsText(String text) {
		return text.length() <= this.limits.textChars();
	}

	List<String> agentProblems(AgentDraft draft) {
		Problems problems = new Problems("agent '" + Names.shown(draft.name()) + "': ");
		problems.text("description", draft.description(), this.limits.descriptionChars());
		problems.text("persona", draft.persona(), this.limits.personaChars());
		AgentSettings settings = draft.settings();
		if (settings != null) {
			problems.text("settings.fallback_text", settings.fallbackText(), this.limits.templateChars());
			problems.items("settings", settings.extra().keySet(), this.limits.listItems());
			settings.extra().forEach((key, value) -> problems.text("settings." + key, value, this.limits.textChars()));
		}
		List<FieldSpec> fields = Objects.requireNonNullElse(draft.fields(), List.of());
		problems.items("fields", fields, this.limits.listItems());
		for (FieldSpec field : fields) {
			problems.text("field '" + field.name() + "' description", field.description(),
					this.limits.descriptionChars());
			problems.text("field '" + field.name() + "' pattern", field.pattern(), this.limits.patternChars());
		}
		return problems.found;
	}

	List<String> ruleProblems(RuleDraft draft) {
		Problems problems = new Problems("rule '" + Names.shown(draft.name()) + "': ");
		RuleContent content = draft.content();
		problems.text("condition", content.condition(), this.limits.textChars());
		problems.text("action", content.action(), this.limits.textChars());
		problems.text("template.text", (content.template() != null) ? content.template().text() : null,
				this.limits.templateChars());
		problems.items("constraints", content.constraints(), this.limits.listItems());
		content.constraints().forEach((c) -> problems.text("a constraint", c, this.limits.textChars()));
		problems.items("tools", content.tools(), this.limits.listItems());
		problems.items("relations", content.relations(), this.limits.listItems());
		return problems.found;
	}

	List<String> scenarioProblems(ScenarioDraft draft) {
		Problems problems = new Problems("scenario '" + Names.shown(draft.name()) + "': ");
		problems.text("description", draft.description(), this.limits.descriptionChars());
		problems.text("entry_condition", draft.entryCondition(), this.limits.textChars());
		problems.items("steps", draft.steps(), this.limits.listItems());
		problems.exitConditions(draft.exitConditions(), this.limits);
		for (ScenarioStep step : draft.steps()) {
			Problems inStep = new Problems(problems.prefix + "step '" + Names.shown(step.id()) + "': ");
			inStep.text("name", step.name(), STEP_NAME_CHARS);
			inStep.text("instructions", step.instructions(), this.limits.textChars());
			inStep.items("collects", step.collects(), this.limits.listItems());
			inStep.items("transitions", step.transitions(), this.limits.listItems());
			inStep.items("tools", step.tools(), this.limits.listItems());
			inStep.exitConditions(step.exitConditions(), this.limits);
			for (FieldSpec field : step.collects()) {
				inStep.text("field '" + field.name() + "' description", field.description(),
						this.limits.descriptionChars());
				inStep.text("field '" + field.name() + "' pattern", field.pattern(), this.limits.patternChars());
			}
			for (Transition transition : step.transitions()) {
				inStep.text("a transition condition", transition.condition(), this.limits.textChars());
				inStep.text("a transition's when", transition.when(), this.limits.textChars());
			}
			problems.found.addAll(inStep.found);
		}
		return problems.found;
	}

	/** The problems of one object, each starting with the object's name. */
	private static final class Problems {

		private final String prefix;

		private final List<String> found = new ArrayList<>();

		Problems(String prefix) {
			this.prefix = prefix;
		}

		void text(String what, @Nullable String value, int max) {
			if (value != null && value.length() > max) {
				this.found.add(this.prefix + what + " is " + value.length() + " characters long; at most " + max
						+ " are allowed");
			}
		}

		void exitConditions(List<String> conditions, ContentLimits limits) {
			items("exit_conditions", conditions, limits.listItems());
			conditions.forEach((condition) -> text("an exit condition", condition, limits.textChars()));
		}

		void items(String what, Collection<?> values, int max) {
			if (values.size() > max) {
				this.found
					.add(this.prefix + what + " has " + values.size() + " items; at most " + max + " are allowed");
			}
		}

	}

}
