package io.ruche.brain.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.testing.WordEmbeddingModel;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.embedded;
import static io.ruche.brain.testing.Fixtures.field;
import static io.ruche.brain.testing.Fixtures.scenario;
import static io.ruche.brain.testing.Fixtures.signup;
import static io.ruche.brain.testing.Fixtures.step;
import static io.ruche.brain.testing.Fixtures.terminal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaving a scenario (exit conditions, cancel, loop guard), switching to another one, and
 * resuming one left unfinished. The embeddings count shared words, so the messages below
 * share words with the texts they should match.
 */
class LeavingFlowsTests {

	private final WordEmbeddingModel model = new WordEmbeddingModel();

	private final Scenario returns = scenario("returns", "customer wants to return a product",
			List.of(step("ask_order", List.of(field("order_number", "(\\d{6})")),
					List.of(new Transition("ask_reason", "has(variables.order_number)", null))),
					new ScenarioStep("ask_reason", "ask_reason", "do ask_reason", List.of(field("reason", null)),
							List.of(new Transition("label", null, "customer explained why the product is returned")),
							false, List.of(), false, null, List.of("customer decides to keep the product")),
					terminal("label")),
			List.of("message.contains(\"STOP\")"));

	private final Scenario delivery = scenario("delivery", "customer asks where the parcel is",
			List.of(step("track", List.of(field("order_number", "(\\d{6})")), List.of()), terminal("done")));

	private final Scenario signup = signup();

	private final Scenario rename = scenario("rename", "customer wants to change their name",
			List.of(terminal("renamed")));

	private final Map<String, String> order = Map.of("order_number", "123456");

	@Test
	void aMessageForAnotherScenarioSwitchesAndRemembersTheOneLeft() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask_reason"), "where is the parcel",
				this.order, FlowHistory.EMPTY, NavigationSettings.DEFAULTS, this.returns, this.delivery);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "track"));
		assertThat(navigation.results()).first()
			.isInstanceOfSatisfying(TransitionResult.Switched.class, (switched) -> assertThat(switched.from())
				.isEqualTo(new ScenarioState.AtStep("returns", "ask_reason")));
		assertThat(navigation.memory().abandoned()).singleElement()
			.isEqualTo(new AbandonedScenario("returns", "ask_reason", this.order, 3, "switch"));
	}

	@Test
	void noSwitchWhenTheCurrentStepFitsTheMessageBetter() {
		Navigation navigation = navigate(new ScenarioState.AtStep("signup", "collect_name"),
				"the customer gave their name", Map.of(), FlowHistory.EMPTY, NavigationSettings.DEFAULTS, this.signup,
				this.rename);

		Map<?, ?> switchScores = (Map<?, ?>) navigation.decisions().get("switch_scores");
		assertThat((Double) switchScores.get("rename")).isGreaterThan(NavigationSettings.DEFAULTS.entryThreshold());
		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_email"));
		assertThat(navigation.memory().abandoned()).isEmpty();
	}

	@Test
	void aCelExitConditionOfTheScenarioLeavesItFromAnyStep() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask_reason"), "STOP right now",
				this.order, FlowHistory.EMPTY, NavigationSettings.DEFAULTS, this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(navigation.results()).first()
			.isEqualTo(new TransitionResult.Exited(new ScenarioState.AtStep("returns", "ask_reason"),
					"exit condition holds: message.contains(\"STOP\")"));
		assertThat(navigation.memory().abandoned()).singleElement()
			.extracting(AbandonedScenario::reason)
			.isEqualTo("exit_condition");
	}

	@Test
	void aPlainLanguageExitConditionOfTheStepLeavesByMeaning() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask_reason"),
				"after all the customer decides to keep the product", this.order, FlowHistory.EMPTY,
				NavigationSettings.DEFAULTS, this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(navigation.events()).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.EXIT);
			assertThat(event.reason()).startsWith("message matches exit condition 'customer decides to keep");
		});
		assertThat(navigation.decisions()).containsKey("exit_scores");
	}

	@Test
	void anExplicitCancelExitsWithoutDeclaredConditionsUnlessTurnedOff() {
		NavigationSettings off = NavigationSettings.from(Map.of("scenario.cancel_intent", "false"));

		Navigation cancelled = navigate(new ScenarioState.AtStep("signup", "collect_name"), "never mind, cancel that",
				Map.of(), FlowHistory.EMPTY, NavigationSettings.DEFAULTS, this.signup);
		Navigation kept = navigate(new ScenarioState.AtStep("signup", "collect_name"), "never mind, cancel that",
				Map.of(), FlowHistory.EMPTY, off, this.signup);

		assertThat(cancelled.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(cancelled.memory().abandoned()).singleElement()
			.extracting(AbandonedScenario::reason)
			.isEqualTo("cancel");
		assertThat(kept.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_name"));
		assertThat(kept.decisions()).doesNotContainKey("cancel_score");
	}

	@Test
	void enteringAnAbandonedScenarioResumesItAtItsStepWithItsFields() {
		FlowHistory history = history(List.of(), 2,
				new AbandonedScenario("signup", "collect_email", Map.of("name", "Ada"), 2, "switch"));

		Navigation navigation = navigate(new ScenarioState.Idle(), "the customer wants to create an account",
				Map.of("name", "Bob"), history, NavigationSettings.DEFAULTS, this.signup, this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_email"));
		assertThat(navigation.results()).first().isInstanceOf(TransitionResult.Resumed.class);
		assertThat(navigation.events()).first()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.RESUME);
		assertThat(navigation.variables()).containsEntry("name", "Ada");
		assertThat(navigation.memory().abandoned()).isEmpty();
	}

	@Test
	void anAbandonedScenarioWhoseStepIsGoneResumesAtAMigratedStepWithItsFields() {
		FlowHistory history = history(List.of(), 2,
				new AbandonedScenario("signup", "collect_phone", Map.of("name", "Ada"), 2, "switch"));

		Navigation navigation = navigate(new ScenarioState.Idle(), "the customer wants to create an account", Map.of(),
				history, NavigationSettings.DEFAULTS, this.signup);

		assertThat(navigation.results()).first().isInstanceOf(TransitionResult.Resumed.class);
		assertThat(navigation.variables()).containsEntry("name", "Ada");
		assertThat(navigation.memory().abandoned()).isEmpty();
	}

	@Test
	void theLoopGuardExitsAScenarioThatCyclesAcrossTurnsWithoutNewFields() {
		Scenario pingPong = scenario("ping", "customer plays ping pong",
				List.of(step("a", List.of(), List.of(new Transition("b", "message == \"next\"", null))),
						step("b", List.of(), List.of(new Transition("a", "message == \"back\"", null)))));
		List<StepVisit> visits = List.of(new StepVisit("ping", "a", 1, "enter"),
				new StepVisit("ping", "b", 2, "advance"), new StepVisit("ping", "a", 3, "advance"),
				new StepVisit("ping", "b", 4, "advance"));

		Navigation looping = navigate(new ScenarioState.AtStep("ping", "b"), "back", Map.of("x", "1"),
				history(visits, 1), NavigationSettings.DEFAULTS, pingPong);
		Navigation progressing = navigate(new ScenarioState.AtStep("ping", "b"), "back", Map.of("x", "1"),
				history(visits, 3), NavigationSettings.DEFAULTS, pingPong);

		assertThat(looping.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(looping.decisions().get("loop_guard"))
			.isEqualTo(Map.of("window_turns", 4, "steps", List.of("a", "b"), "moves", 4));
		assertThat(looping.memory().abandoned()).isEmpty();
		assertThat(progressing.state()).isEqualTo(new ScenarioState.AtStep("ping", "a"));
		assertThat(progressing.decisions()).doesNotContainKey("loop_guard");
	}

	@Test
	void switchesAndResumesGoOnlyToAnotherScenario() {
		ScenarioState.AtStep at = new ScenarioState.AtStep("returns", "ask_order");

		assertThat(ScenarioStateMachine.apply(at, ScenarioTrigger.SWITCH, new ScenarioState.AtStep("returns", "label"),
				"same"))
			.isInstanceOf(TransitionResult.Refused.class);
		assertThat(ScenarioStateMachine.apply(new ScenarioState.Idle(), ScenarioTrigger.SWITCH, at, "idle"))
			.isInstanceOf(TransitionResult.Refused.class);
		assertThat(ScenarioStateMachine.apply(new ScenarioState.Idle(), ScenarioTrigger.RESUME, at, "back"))
			.isEqualTo(new TransitionResult.Resumed(null, at, "back"));
	}

	// The fields were saved as they are now, so only what the message adds counts as new.
	private static FlowHistory history(List<StepVisit> visits, int lastFieldTurn, AbandonedScenario... abandoned) {
		return new FlowHistory(visits, new ScenarioMemory(List.of(abandoned), lastFieldTurn), Map.of("x", "1"));
	}

	private Navigation navigate(ScenarioState state, String message, Map<String, String> variables, FlowHistory history,
			NavigationSettings settings, Scenario... scenarios) {
		List<EmbeddedScenario> embedded = Arrays.stream(scenarios).map((s) -> embedded(s, this.model)).toList();
		return ScenarioNavigator.create(Expressions.create(), settings)
			.navigate(new NavigationInput(state, variables, Map.of(), message, this.model.embed(message), embedded,
					history.visits().stream().mapToInt(StepVisit::turn).max().orElse(2) + 1, TransitionJudge.NONE,
					history, CancelIntent.embeddedBy(this.model)));
	}

}
