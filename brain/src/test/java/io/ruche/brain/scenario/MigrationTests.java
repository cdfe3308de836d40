package io.ruche.brain.scenario;

import java.util.List;
import java.util.Map;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.Transition;
import io.ruche.brain.testing.WordEmbeddingModel;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.embedded;
import static io.ruche.brain.testing.Fixtures.field;
import static io.ruche.brain.testing.Fixtures.scenario;
import static io.ruche.brain.testing.Fixtures.step;
import static io.ruche.brain.testing.Fixtures.terminal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session at a step that a change of its scenario removed moves by the documented rule:
 * back along its own way, else by meaning, else to the entry step; the move is
 * {@code MIGRATE} and the fields stay.
 */
class MigrationTests {

	private final WordEmbeddingModel model = new WordEmbeddingModel();

	private final ScenarioNavigator navigator = ScenarioNavigator.create(Expressions.create(),
			NavigationSettings.DEFAULTS);

	// The delivery flow after a change that removed its "gift_wrap" step, which sat
	// between
	// "slot" and "payment".
	private final Scenario delivery = scenario("delivery", "customer wants a delivery", List.of(
			step("address", List.of(field("address", null)),
					List.of(new Transition("slot", "has(variables.address)", null))),
			step("slot", List.of(field("slot", null)), List.of(new Transition("payment", "has(variables.slot)", null))),
			new ScenarioStep("payment", "payment", "ask how the customer pays: card or cash",
					List.of(field("pay", null)), List.of(new Transition("done", "has(variables.pay)", null)), false,
					List.of(), false),
			terminal("done")));

	@Test
	void goesBackToTheNearestSurvivingStepOnItsWayAndSkipsWhatIsKnown() {
		List<StepVisit> visits = List.of(new StepVisit("delivery", "address", 1, "enter"),
				new StepVisit("delivery", "slot", 2, "advance"), new StepVisit("delivery", "gift_wrap", 3, "advance"));
		Map<String, String> fields = Map.of("address", "1 Main St", "slot", "morning", "wrapping", "red paper");

		Navigation navigation = navigate("gift_wrap", "thanks", fields, visits);

		assertThat(navigation.events()).first().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.MIGRATE);
			assertThat(event.fromStep()).isEqualTo("gift_wrap");
			assertThat(event.toStep()).isEqualTo("slot");
			assertThat(event.reason()).contains("'gift_wrap' was removed", "the session came by");
		});
		// the slot is known, so the flow goes on to the step after it in the new graph
		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "payment"));
		assertThat(navigation.variables()).containsEntry("wrapping", "red paper");
	}

	@Test
	void goesToTheStepNearestToTheMessageByMeaningWhenItsWayIsUnknown() {
		Navigation navigation = navigate("gift_wrap", "the customer pays by card", Map.of(), List.of());

		assertThat(navigation.events()).first().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.MIGRATE);
			assertThat(event.toStep()).isEqualTo("payment");
			assertThat(event.reason()).contains("by meaning");
		});
		assertThat(navigation.decisions()).containsKey("migration_scores");
	}

	@Test
	void goesToTheEntryStepWhenNothingElseFits() {
		Navigation navigation = navigate("gift_wrap", "hmm", Map.of(), List.of());

		assertThat(navigation.events()).first().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.MIGRATE);
			assertThat(event.toStep()).isEqualTo("address");
			assertThat(event.reason()).contains("entry step");
		});
	}

	@Test
	void staysAtAStepThatKeptItsId() {
		Navigation navigation = navigate("slot", "hmm", Map.of("address", "1 Main St"), List.of());

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "slot"));
		assertThat(navigation.events()).isEmpty();
	}

	@Test
	void resumesALeftScenarioWhoseStepWasRemovedAtTheMigratedStep() {
		var left = new AbandonedScenario("delivery", "gift_wrap", Map.of("address", "1 Main St"), 2, "switch");
		FlowHistory history = new FlowHistory(List.of(new StepVisit("delivery", "address", 1, "enter")),
				new ScenarioMemory(List.of(left), 2), Map.of());

		Navigation navigation = this.navigator.navigate(new NavigationInput(new ScenarioState.Idle(), Map.of(),
				Map.of(), "customer wants a delivery", this.model.embed("customer wants a delivery"),
				List.of(embedded(this.delivery, this.model)), 5, TransitionJudge.NONE, history, CancelIntent.NONE));

		assertThat(navigation.events()).first().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.RESUME);
			assertThat(event.reason()).contains("'gift_wrap' was removed");
		});
		assertThat(navigation.state()).isNotEqualTo(new ScenarioState.AtStep("delivery", "gift_wrap"));
	}

	private Navigation navigate(String stepId, String message, Map<String, String> variables, List<StepVisit> visits) {
		FlowHistory history = new FlowHistory(visits, ScenarioMemory.EMPTY, variables);
		return this.navigator.navigate(new NavigationInput(new ScenarioState.AtStep("delivery", stepId), variables,
				Map.of(), message, this.model.embed(message), List.of(embedded(this.delivery, this.model)), 4,
				TransitionJudge.NONE, history, CancelIntent.NONE));
	}

}
