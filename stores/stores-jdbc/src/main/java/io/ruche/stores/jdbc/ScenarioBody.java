package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Objects;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a scenario's flow, in {@code scenarios.body}.
 *
 * @param exitConditions null in bodies written before exit conditions existed
 */
record ScenarioBody(String description, String entryCondition, String entryStep, List<StepBody> steps,
		@Nullable List<String> exitConditions) implements JsonBody {

	static ScenarioBody of(Scenario scenario) {
		return new ScenarioBody(scenario.description(), scenario.entryCondition(), scenario.entryStep(),
				Rows.map(scenario.steps(), StepBody::of), scenario.exitConditions());
	}

	List<ScenarioStep> toSteps() {
		return Rows.map(this.steps, StepBody::toStep);
	}

	List<String> toExitConditions() {
		return Objects.requireNonNullElse(this.exitConditions, List.of());
	}

	/**
	 * The JSON of one {@link ScenarioStep}.
	 *
	 * @param exitConditions null in steps written before exit conditions existed
	 */
	record StepBody(String id, String name, String instructions, List<FieldBody> collects,
			List<TransitionBody> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere,
			@Nullable TemplateBody template, @Nullable List<String> exitConditions) {

		static StepBody of(ScenarioStep step) {
			return new StepBody(step.id(), step.name(), step.instructions(), Rows.map(step.collects(), FieldBody::of),
					Rows.map(step.transitions(), TransitionBody::of), step.terminal(), step.tools(),
					step.reachableFromAnywhere(), TemplateBody.of(step.template()), step.exitConditions());
		}

		ScenarioStep toStep() {
			return new ScenarioStep(this.id, this.name, this.instructions, Rows.map(this.collects, FieldBody::toField),
					Rows.map(this.transitions, TransitionBody::toTransition), this.terminal, this.tools,
					this.reachableFromAnywhere, TemplateBody.toTemplate(this.template),
					Objects.requireNonNullElse(this.exitConditions, List.of()));
		}

	}

	/** The JSON of one {@link FieldSpec}. */
	record FieldBody(String name, String description, @Nullable String pattern, boolean required, boolean personal,
			boolean profile) {

		static FieldBody of(FieldSpec field) {
			return new FieldBody(field.name(), field.description(), field.pattern(), field.required(), field.personal(),
					field.profile());
		}

		FieldSpec toField() {
			return new FieldSpec(this.name, this.description, this.pattern, this.required, this.personal, this.profile);
		}

	}

	/** The JSON of one {@link Transition}. */
	record TransitionBody(String to, @Nullable String condition, @Nullable String when) {

		static TransitionBody of(Transition transition) {
			return new TransitionBody(transition.to(), transition.condition(), transition.when());
		}

		Transition toTransition() {
			return new Transition(this.to, this.condition, this.when);
		}

	}

}
