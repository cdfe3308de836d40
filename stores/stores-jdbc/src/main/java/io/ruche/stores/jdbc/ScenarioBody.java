package io.ruche.stores.jdbc;

import java.util.List;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import org.jspecify.annotations.Nullable;

/** The JSON of a scenario's flow, in {@code scenarios.body}. */
record ScenarioBody(String description, String entryCondition, String entryStep,
		List<StepBody> steps) implements JsonBody {

	static ScenarioBody of(Scenario scenario) {
		return new ScenarioBody(scenario.description(), scenario.entryCondition(), scenario.entryStep(),
				Rows.map(scenario.steps(), StepBody::of));
	}

	List<ScenarioStep> toSteps() {
		return Rows.map(this.steps, StepBody::toStep);
	}

	/** The JSON of one {@link ScenarioStep}. */
	record StepBody(String id, String name, String instructions, List<FieldBody> collects,
			List<TransitionBody> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere,
			@Nullable TemplateBody template) {

		static StepBody of(ScenarioStep step) {
			return new StepBody(step.id(), step.name(), step.instructions(), Rows.map(step.collects(), FieldBody::of),
					Rows.map(step.transitions(), TransitionBody::of), step.terminal(), step.tools(),
					step.reachableFromAnywhere(), TemplateBody.of(step.template()));
		}

		ScenarioStep toStep() {
			return new ScenarioStep(this.id, this.name, this.instructions, Rows.map(this.collects, FieldBody::toField),
					Rows.map(this.transitions, TransitionBody::toTransition), this.terminal, this.tools,
					this.reachableFromAnywhere, TemplateBody.toTemplate(this.template));
		}

	}

	/** The JSON of one {@link FieldSpec}. */
	record FieldBody(String name, String description, @Nullable String pattern, boolean required, boolean personal) {

		static FieldBody of(FieldSpec field) {
			return new FieldBody(field.name(), field.description(), field.pattern(), field.required(),
					field.personal());
		}

		FieldSpec toField() {
			return new FieldSpec(this.name, this.description, this.pattern, this.required, this.personal);
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
