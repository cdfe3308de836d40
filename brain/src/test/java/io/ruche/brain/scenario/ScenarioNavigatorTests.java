package io.ruche.brain.scenario;

import java.util.List;
import java.util.Map;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
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

class ScenarioNavigatorTests {

	private final WordEmbeddingModel model = new WordEmbeddingModel();

	private final ScenarioNavigator navigator = ScenarioNavigator.create(Expressions.create(),
			NavigationSettings.DEFAULTS);

	private final Scenario returns = scenario(
			"returns", "customer wants to return a product", List.of(
					step("ask_order", List.of(field("order_number", "(\\d{6})")),
							List.of(new Transition("confirm", "has(variables.order_number)", null))),
					terminal("confirm")));

	private final Scenario signup = signup();

	private Navigation navigate(ScenarioState state, String message, Map<String, String> variables,
			Scenario... scenarios) {
		List<EmbeddedScenario> embedded = java.util.Arrays.stream(scenarios)
			.map((s) -> embedded(s, this.model))
			.toList();
		return this.navigator
			.navigate(new NavigationInput(state, variables, Map.of(), message, this.model.embed(message), embedded, 3));
	}

	@Test
	void anUnrelatedMessageStartsNothing() {
		Navigation navigation = navigate(new ScenarioState.Idle(), "what is the weather like today", Map.of(),
				this.returns, this.signup);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(navigation.events()).isEmpty();
	}

	@Test
	void aRelatedMessageEntersTheBestScenarioAtItsEntryStep() {
		Navigation navigation = navigate(new ScenarioState.Idle(), "I want to return a product", Map.of(), this.returns,
				this.signup);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "ask_order"));
		assertThat(navigation.events()).singleElement()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.ENTER);
	}

	@Test
	void takesTheFieldsTheSituationPhaseAlreadyExtractedInsteadOfExtractingAgain() {
		String message = "it is order 123456";
		Navigation navigation = this.navigator
			.navigate(new NavigationInput(new ScenarioState.AtStep("returns", "ask_order"), Map.of(), Map.of(), message,
					this.model.embed(message), List.of(embedded(this.returns, this.model)), 3,
					io.ruche.brain.scenario.TransitionJudge.NONE, FlowHistory.EMPTY, CancelIntent.NONE,
					Map.of("order_number", "654321")));

		assertThat(navigation.extracted()).containsExactly(Map.entry("order_number", "654321"));
		assertThat(navigation.variables()).containsEntry("order_number", "654321");
		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "confirm"));
	}

	@Test
	void aCelTransitionMovesOnceThePatternFilledTheField() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask_order"), "it is order 123456",
				Map.of(), this.returns);

		assertThat(navigation.extracted()).containsEntry("order_number", "123456");
		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "confirm"));
		assertThat(navigation.events()).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.ADVANCE);
			assertThat(event.fromStep()).isEqualTo("ask_order");
		});
	}

	@Test
	void aFalseCelTransitionStays() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask_order"), "I do not know it", Map.of(),
				this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "ask_order"));
		assertThat(navigation.results()).last().isInstanceOf(TransitionResult.Stayed.class);
	}

	@Test
	void skipsEveryStepWhoseFieldsAreKnown() {
		Navigation navigation = navigate(new ScenarioState.AtStep("signup", "collect_name"), "hello there",
				Map.of("name", "Ada", "email", "ada@example.com"), this.signup);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("signup", "confirm"));
		assertThat(navigation.events()).singleElement()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.SKIP);
	}

	@Test
	void skipsOnlyAsFarAsTheKnownFieldsReach() {
		Navigation partly = navigate(new ScenarioState.AtStep("signup", "collect_name"), "hello there",
				Map.of("name", "Ada"), this.signup);
		Navigation not = navigate(new ScenarioState.AtStep("signup", "collect_name"), "hello there", Map.of(),
				this.signup);

		assertThat(partly.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_email"));
		assertThat(not.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_name"));
	}

	@Test
	void followsANaturalLanguageTransitionThatWinsByTheMargin() {
		Navigation navigation = navigate(new ScenarioState.AtStep("signup", "collect_name"),
				"sure, the customer gave their name: Ada", Map.of(), this.signup);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("signup", "collect_email"));
	}

	@Test
	void closeNaturalLanguageTransitionsAreLeftToTheJudge() {
		Scenario delivery = scenario("delivery", "customer wants to change a delivery", List.of(
				step("choose", List.of(),
						List.of(new Transition("home", null, "customer wants delivery at home"),
								new Transition("shop", null, "customer wants delivery at a shop"))),
				terminal("home"), terminal("shop")));
		List<EmbeddedScenario> embedded = List.of(embedded(delivery, this.model));
		String message = "customer wants delivery at home or at a shop";
		List<List<String>> asked = new java.util.ArrayList<>();
		TransitionJudge judge = (m, candidates) -> {
			asked.add(candidates.stream().map(Transition::to).toList());
			return java.util.Optional.of("shop");
		};

		Navigation judged = this.navigator
			.navigate(new NavigationInput(new ScenarioState.AtStep("delivery", "choose"), Map.of(), Map.of(), message,
					this.model.embed(message), embedded, 3, judge, FlowHistory.EMPTY, CancelIntent.NONE));
		Navigation unjudged = this.navigator
			.navigate(new NavigationInput(new ScenarioState.AtStep("delivery", "choose"), Map.of(), Map.of(), message,
					this.model.embed(message), embedded, 3));

		assertThat(asked).singleElement().satisfies((c) -> assertThat(c).containsExactlyInAnyOrder("home", "shop"));
		assertThat(judged.state()).isEqualTo(new ScenarioState.AtStep("delivery", "shop"));
		assertThat(unjudged.state()).isEqualTo(new ScenarioState.AtStep("delivery", "choose"));
	}

	@Test
	void exitsAfterTheTerminalStepWasAnswered() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "confirm"), "thanks, bye", Map.of(),
				this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(navigation.results()).first().isInstanceOf(TransitionResult.Exited.class);
		assertThat(navigation.events()).singleElement()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.EXIT);
	}

	@Test
	void migratesToTheEntryStepWhenTheStepDisappearedAndNothingElseFits() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "removed_step"), "hmm", Map.of(),
				this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "ask_order"));
		assertThat(navigation.events()).first()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.MIGRATE);
	}

	@Test
	void relocalizesBackToTheStepTheMessageBelongsTo() {
		Navigation navigation = navigate(new ScenarioState.AtStep("delivery", "payment"),
				"wait, the delivery address is wrong: check the address again", Map.of(), delivery(false));

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "address"));
		assertThat(navigation.events()).singleElement().satisfies((event) -> {
			assertThat(event.trigger()).isEqualTo(ScenarioTrigger.RELOCALIZE);
			assertThat(event.fromStep()).isEqualTo("payment");
		});
		assertThat(navigation.decisions()).extractingByKey("relocalization_scores")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("payment", "address", "slot")
			.doesNotContainKey("done");
	}

	@Test
	void staysWhenNoOtherStepFitsClearlyBetter() {
		Navigation unrelated = navigate(new ScenarioState.AtStep("delivery", "payment"), "hmm, let me think", Map.of(),
				delivery(false));
		Navigation onThisStep = navigate(new ScenarioState.AtStep("delivery", "payment"),
				"which card payment do you take", Map.of(), delivery(false));

		assertThat(unrelated.state()).isEqualTo(new ScenarioState.AtStep("delivery", "payment"));
		assertThat(onThisStep.state()).isEqualTo(new ScenarioState.AtStep("delivery", "payment"));
		assertThat(onThisStep.events()).isEmpty();
	}

	@Test
	void reachesAFarStepOnlyWhenItIsReachableFromAnywhere() {
		String message = "I want to speak to a human agent about a complaint";

		Navigation near = navigate(new ScenarioState.AtStep("delivery", "slot"), message, Map.of(), delivery(false));
		Navigation anywhere = navigate(new ScenarioState.AtStep("delivery", "slot"), message, Map.of(), delivery(true));

		assertThat(near.state()).isEqualTo(new ScenarioState.AtStep("delivery", "slot"));
		assertThat(anywhere.state()).isEqualTo(new ScenarioState.AtStep("delivery", "human"));
	}

	@Test
	void aMessageThatFillsTheStepsFieldIsNotRelocalized() {
		String aside = "the delivery address is wrong: check the address";

		Navigation answering = navigate(new ScenarioState.AtStep("delivery", "slot"), "slot 14, but " + aside, Map.of(),
				delivery(false));
		Navigation notAnswering = navigate(new ScenarioState.AtStep("delivery", "slot"), aside, Map.of(),
				delivery(false));

		assertThat(answering.extracted()).containsEntry("slot", "14");
		assertThat(answering.events()).isEmpty();
		assertThat(notAnswering.state()).isEqualTo(new ScenarioState.AtStep("delivery", "address"));
	}

	@Test
	void neverRelocalizesPastAStepThatLacksARequiredField() {
		Scenario required = scenario("delivery", "customer wants a delivery",
				List.of(new ScenarioStep("slot", "delivery slot", "ask which delivery slot suits the customer",
						List.of(new FieldSpec("slot", "the slot", "slot (\\d+)", true, false)),
						List.of(new Transition("address", "has(variables.slot)", null)), false, List.of(), false),
						new ScenarioStep("address", "delivery address", "check the delivery address with the customer",
								List.of(), List.of(), false, List.of(), false)));
		String aside = "the delivery address is wrong: check the address";

		Navigation navigation = navigate(new ScenarioState.AtStep("delivery", "slot"), aside, Map.of(), required);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "slot"));
		assertThat(navigation.decisions()).extractingByKey("relocalization_scores")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey("address");
	}

	@Test
	void aFlowJustEnteredStartsAtItsEntryStep() {
		Scenario scenario = delivery(false);

		Navigation navigation = navigate(new ScenarioState.Idle(),
				"customer wants a delivery: check the delivery address", Map.of(), scenario);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("delivery", "slot"));
		assertThat(navigation.decisions()).doesNotContainKey("relocalization_scores");
	}

	@Test
	void theMessageAfterAFinishedFlowDoesNotStartItAgain() {
		Navigation navigation = navigate(new ScenarioState.AtStep("returns", "confirm"),
				"the customer wants to return a product", Map.of(), this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
		assertThat(navigation.events()).singleElement()
			.extracting(ScenarioTransitioned::trigger)
			.isEqualTo(ScenarioTrigger.EXIT);
	}

	// slot -> address -> payment -> done, and a complaint step four transitions away.
	private static Scenario delivery(boolean humanFromAnywhere) {
		return scenario("delivery", "customer wants a delivery",
				List.of(new ScenarioStep("slot", "delivery slot", "ask which delivery slot suits the customer",
						List.of(field("slot", "slot (\\d+)"), field("day", "(monday|tuesday)")),
						List.of(new Transition("address", "has(variables.slot) && has(variables.day)", null)), false,
						List.of(), false),
						new ScenarioStep("address", "delivery address", "check the delivery address with the customer",
								List.of(), List.of(new Transition("payment", null, "customer confirmed the address")),
								false, List.of(), false),
						new ScenarioStep("payment", "payment", "take the card payment for the delivery fee", List.of(),
								List.of(new Transition("done", null, "customer paid the fee")), false, List.of(),
								false),
						new ScenarioStep("done", "done", "thank the customer", List.of(),
								List.of(new Transition("human", null, "customer complains")), true, List.of(), false),
						new ScenarioStep("human", "human agent", "hand a complaint over to a human agent", List.of(),
								List.of(), false, List.of(), humanFromAnywhere)));
	}

	@Test
	void exitsWhenTheScenarioDisappeared() {
		Navigation navigation = navigate(new ScenarioState.AtStep("gone", "x"), "hmm", Map.of(), this.returns);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
	}

	@Test
	void theLoopGuardStopsAChainOfMoves() {
		Scenario chain = scenario("chain", "chain of steps",
				List.of(step("a", List.of(), List.of(new Transition("b", "true", null))),
						step("b", List.of(), List.of(new Transition("c", "true", null))),
						step("c", List.of(), List.of(new Transition("d", "true", null))),
						step("d", List.of(), List.of(new Transition("e", "true", null))), terminal("e")));

		Navigation navigation = navigate(new ScenarioState.AtStep("chain", "a"), "go", Map.of(), chain);

		assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("chain", "d"));
		assertThat(navigation.decisions()).containsKey("loop_guard");
	}

	@Test
	void theStateMachineRefusesIllegalMoves() {
		TransitionResult result = ScenarioStateMachine.apply(new ScenarioState.Idle(), ScenarioTrigger.ADVANCE,
				new ScenarioState.AtStep("s", "a"), "test");

		assertThat(result).isEqualTo(new TransitionResult.Refused(new ScenarioState.Idle(), ScenarioTrigger.ADVANCE));
		assertThat(ScenarioStateMachine.event(result, 1)).isNull();
	}

	@Test
	void aPatternWithoutGroupTakesTheWholeMatch() {
		Map<String, String> found = FieldExtraction.extract(
				List.of(field("email", "[a-z]+@[a-z]+\\.com"), field("zip", "zip (\\d{5})"), field("free", null)),
				"mail ada@example.com, zip 75001");

		assertThat(found).containsExactly(Map.entry("email", "ada@example.com"), Map.entry("zip", "75001"));
	}

}
