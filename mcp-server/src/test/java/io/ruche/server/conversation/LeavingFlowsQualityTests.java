package io.ruche.server.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.adapters.LocalMiniLmEmbeddingModel;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.CancelIntent;
import io.ruche.brain.scenario.FlowHistory;
import io.ruche.brain.scenario.Navigation;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.brain.scenario.ScenarioNavigator;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.brain.scenario.TransitionJudge;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaving and switching flows with the real local embedding model (all-MiniLM-L6-v2) and
 * the default thresholds, on a shop's returns and delivery flows: a delivery question in
 * the middle of a return switches, a cancel or a declared way out exits, and answers,
 * questions about the return and unrelated messages stay. The scores are logged; their
 * ranges are in docs/brain.md.
 */
class LeavingFlowsQualityTests {

	private static final Logger log = LoggerFactory.getLogger(LeavingFlowsQualityTests.class);

	private static final LocalMiniLmEmbeddingModel MODEL = new LocalMiniLmEmbeddingModel();

	private static final ScenarioNavigator NAVIGATOR = ScenarioNavigator.create(Expressions.create(),
			NavigationSettings.DEFAULTS);

	private static final FieldSpec ORDER = new FieldSpec("order_number", "5 digits", "(\\d{5})", true, false);

	private static final Scenario RETURNS = new Scenario(TenantId.of("acme"), "agt", "returns", "returns",
			"Return an item", "The customer wants to return an item they bought", "ask-order",
			List.of(step("ask-order", "Ask the order", "Ask for the order number", ORDER,
					new Transition("ask-reason", "has(variables.order_number)", null)),
					step("ask-reason", "Ask the reason", "Ask why the customer returns the item",
							new FieldSpec("reason", "why", "(?i)(damaged|broken|too small|too big)", true, false),
							new Transition("label", "has(variables.reason)", null)),
					new ScenarioStep("label", "Send the label", "Send the return label", List.of(), List.of(), true,
							List.of(), false)),
			List.of("The customer decides to keep the item after all"), true, 1, null, Instant.EPOCH);

	private static final Scenario DELIVERY = new Scenario(TenantId.of("acme"), "agt", "delivery", "delivery",
			"Track a parcel", "The customer asks where their parcel is or when their delivery will arrive", "ask-order",
			List.of(step("ask-order", "Ask the order", "Ask for the order number to track the parcel", ORDER,
					new Transition("track", "has(variables.order_number)", null)),
					new ScenarioStep("track", "Track the parcel", "Tell the customer where the parcel is", List.of(),
							List.of(), true, List.of(), false)),
			true, 1, null, Instant.EPOCH);

	private static final List<EmbeddedScenario> SCENARIOS = List.of(embed(RETURNS), embed(DELIVERY));

	/** A message at the returns flow's ask-reason step, and what it must do. */
	private record Case(String message, String expected) {
	}

	private static final List<Case> AT_RETURN_REASON = List.of(
			new Case("Actually, where is my parcel? It still has not arrived", "SWITCH"),
			new Case("When will my delivery arrive?", "SWITCH"), new Case("Can you track my package?", "SWITCH"),
			new Case("forget it, I don't want to return it", "EXIT"), new Case("never mind, cancel that", "EXIT"),
			new Case("I changed my mind, I will keep it", "EXIT"),
			new Case("I'd rather keep the item after all", "EXIT"), new Case("It arrived broken", "STAY"),
			new Case("The screen is damaged", "STAY"), new Case("I want to return it because it is too small", "STAY"),
			new Case("How long do I have to return it?", "STAY"), new Case("ok", "STAY"),
			new Case("I don't know why, it just doesn't work", "STAY"), new Case("Do you sell gift cards?", "STAY"),
			new Case("no, it is not the right size", "STAY"), new Case("What is the weather like tomorrow?", "STAY"));

	@Test
	void leavesOrSwitchesOnlyWhenTheMessageAsksForIt() {
		int right = 0;
		for (Case c : AT_RETURN_REASON) {
			Navigation navigation = navigate(new ScenarioState.AtStep("returns", "ask-reason"), c.message(),
					ScenarioMemory.EMPTY);
			String outcome = navigation.events()
				.stream()
				.map(ScenarioTransitioned::trigger)
				.map(Enum::name)
				.filter((t) -> t.equals("SWITCH") || t.equals("EXIT"))
				.findFirst()
				.orElse("STAY");
			log.info("'{}' -> {} (expected {}): {}", c.message(), outcome, c.expected(), navigation.decisions());
			if (outcome.equals(c.expected())) {
				right++;
			}
		}
		assertThat(right).as("cases decided right").isEqualTo(AT_RETURN_REASON.size());
	}

	@Test
	void aMessageBackToTheReturnResumesIt() {
		ScenarioMemory left = new ScenarioMemory(
				List.of(new AbandonedScenario("returns", "ask-reason", Map.of("order_number", "40213"), 2, "switch")),
				2);
		for (String message : List.of("OK thanks. Now back to my return please", "About the return now",
				"Thanks. Can we continue with returning the item?", "Let's get back to returning the item")) {
			Navigation navigation = navigate(new ScenarioState.Idle(), message, left);
			log.info("'{}' -> {}: {}", message, navigation.state(), navigation.decisions());
			assertThat(navigation.state()).isEqualTo(new ScenarioState.AtStep("returns", "ask-reason"));
			assertThat(navigation.variables()).containsEntry("order_number", "40213");
		}
	}

	@Test
	void anUnrelatedMessageResumesNothing() {
		ScenarioMemory left = new ScenarioMemory(
				List.of(new AbandonedScenario("returns", "ask-reason", Map.of("order_number", "40213"), 2, "switch")),
				2);
		for (String message : List.of("Do you sell gift cards?", "What are your opening hours?", "Thanks, bye",
				"What is the weather like tomorrow?", "ok")) {
			Navigation navigation = navigate(new ScenarioState.Idle(), message, left);
			log.info("'{}' -> {}: {}", message, navigation.state(), navigation.decisions());
			assertThat(navigation.state()).isEqualTo(new ScenarioState.Idle());
			assertThat(navigation.memory()).isEqualTo(left);
		}
	}

	private static Navigation navigate(ScenarioState state, String message, ScenarioMemory memory) {
		Map<String, String> variables = Map.of("order_number", "40213");
		return NAVIGATOR.navigate(new NavigationInput(state, variables, Map.of(), message, MODEL.embed(message),
				SCENARIOS, 3, TransitionJudge.NONE, new FlowHistory(List.of(), memory, variables),
				CancelIntent.embeddedBy(MODEL)));
	}

	private static EmbeddedScenario embed(Scenario scenario) {
		return new EmbeddedScenario(scenario, ScenarioEmbedder.embed(scenario, MODEL));
	}

	private static ScenarioStep step(String id, String name, String instructions, FieldSpec field,
			Transition transition) {
		return new ScenarioStep(id, name, instructions, List.of(field), List.of(transition), false, List.of(), false);
	}

}
