package io.ruche.server.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.adapters.LocalMiniLmEmbeddingModel;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.Navigation;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.brain.scenario.ScenarioNavigator;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.brain.scenario.ScenarioTrigger;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relocalization with the real local embedding model (all-MiniLM-L6-v2) and the default
 * thresholds, on a delivery-booking flow: messages that belong to another step move the
 * conversation there; answers, questions about the current step and unrelated messages do
 * not.
 */
class RelocalizationQualityTests {

	private static final Logger log = LoggerFactory.getLogger(RelocalizationQualityTests.class);

	private static final LocalMiniLmEmbeddingModel MODEL = new LocalMiniLmEmbeddingModel();

	private static final ScenarioNavigator NAVIGATOR = ScenarioNavigator.create(Expressions.create(),
			NavigationSettings.DEFAULTS);

	private static final Scenario DELIVERY = new Scenario(TenantId.of("acme"), "agt", "delivery", "delivery booking",
			"Book a home delivery", "The customer wants to book a home delivery", "slot", List.of(
					step("slot", "Delivery slot", "Ask which day suits the customer for the delivery",
							List.of(new FieldSpec("day", "delivery day",
									"(?i)(monday|tuesday|wednesday|thursday|friday|saturday)", true, false)),
							new Transition("address", "has(variables.day)", null)),
					step("address", "Delivery address", "Confirm the delivery address and postcode with the customer",
							List.of(new FieldSpec("postcode", "postcode", "([0-9]{5})", true, false)),
							new Transition("payment", "has(variables.postcode)", null)),
					step("payment", "Payment", "Take the card payment for the delivery fee", List.of(),
							new Transition("done", null, "The customer has paid the delivery fee")),
					new ScenarioStep("done", "Confirmation", "Confirm the booking and thank the customer", List.of(),
							List.of(), true, List.of(), false),
					new ScenarioStep("human", "Human agent", "Hand the conversation over to a human support agent",
							List.of(), List.of(), false, List.of(), true)),
			true, 1, null, Instant.EPOCH);

	private static final EmbeddedScenario EMBEDDED = new EmbeddedScenario(DELIVERY,
			ScenarioEmbedder.embed(DELIVERY, MODEL));

	/** Current step, message, the step it should be relocalized to (or null: none). */
	private static final List<List<String>> CASES = List.of(
			List.of("payment", "Hold on, I gave you the wrong address, the parcel must go to my office", "address"),
			List.of("payment", "Actually can we change the delivery day?", "slot"),
			List.of("address", "I would like to talk to a real person please", "human"),
			List.of("slot", "Can a human agent call me instead?", "human"),
			List.of("payment", "Do you take Visa cards?", ""), List.of("payment", "ok", ""),
			List.of("address", "What is the weather like tomorrow?", ""),
			List.of("address", "Is the postcode needed for flats too?", ""),
			List.of("slot", "Which days do you deliver?", ""),
			List.of("address", "It is 12 rue de la Paix, third floor", ""),
			List.of("payment", "Here is my card number", ""));

	@Test
	void movesToTheStepAMessageBelongsToAndOnlyThen() {
		int right = 0;
		for (List<String> c : CASES) {
			Navigation navigation = navigate(c.get(0), c.get(1));
			String relocalizedTo = navigation.events()
				.stream()
				.filter((e) -> e.trigger() == ScenarioTrigger.RELOCALIZE)
				.map(ScenarioTransitioned::toStep)
				.findFirst()
				.orElse("");
			log.info("at {} '{}' -> '{}' (expected '{}'), scores {}, {}", c.get(0), c.get(1), relocalizedTo, c.get(2),
					navigation.results(), navigation.decisions().get("relocalization_scores"));
			if (relocalizedTo.equals(c.get(2))) {
				right++;
			}
		}
		assertThat(right).as("cases decided right").isEqualTo(CASES.size());
	}

	private static Navigation navigate(String stepId, String message) {
		Map<String, String> known = Map.of("day", "monday", "postcode", "75011");
		Map<String, String> variables = switch (stepId) {
			case "slot" -> Map.of();
			case "address" -> Map.of("day", "monday");
			default -> known;
		};
		return NAVIGATOR.navigate(new NavigationInput(new ScenarioState.AtStep("delivery", stepId), variables, Map.of(),
				message, MODEL.embed(message), List.of(EMBEDDED), 3));
	}

	private static ScenarioStep step(String id, String name, String instructions, List<FieldSpec> collects,
			Transition transition) {
		return new ScenarioStep(id, name, instructions, collects, List.of(transition), false, List.of(), false);
	}

}
