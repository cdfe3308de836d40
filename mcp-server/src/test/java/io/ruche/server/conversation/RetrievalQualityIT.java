package io.ruche.server.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.GuidanceRequest;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval quality with the real local embedding model (all-MiniLM-L6-v2) on a realistic
 * support agent: 24 rules on different topics, a paraphrased question for each, and
 * messages about nothing the agent covers.
 */
@SpringBootTest
class RetrievalQualityIT {

	private static final Logger log = LoggerFactory.getLogger(RetrievalQualityIT.class);

	private static final TenantId TENANT = TenantId.of("default");

	/** Rule name, its condition, and a paraphrase a customer might write. */
	private static final List<List<String>> CASES = List.of(
			List.of("refund delay", "The customer asks how long a refund takes", "When will I get my money back?"),
			List.of("delivery date", "The customer asks when their parcel will arrive",
					"Where is my package, it still hasn't come"),
			List.of("password reset", "The customer cannot log in or forgot their password",
					"I can't sign into my account anymore"),
			List.of("invoice copy", "The customer wants a copy of an invoice",
					"Could you send me the bill for my last order?"),
			List.of("cancel subscription", "The customer wants to cancel their subscription",
					"Please stop my monthly plan"),
			List.of("change address", "The customer wants to change the delivery address",
					"I moved, the order must go to my new flat"),
			List.of("damaged item", "The customer received a broken or damaged product", "The vase arrived shattered"),
			List.of("warranty", "The customer asks about the warranty of a product",
					"Is my blender still covered if it breaks?"),
			List.of("discount code", "The customer has a problem with a discount code",
					"My promo code is not accepted at checkout"),
			List.of("payment declined", "The customer's card payment was declined", "Why was my credit card refused?"),
			List.of("opening hours", "The customer asks about the store opening hours",
					"What time do your shops open on Sunday?"),
			List.of("size guide", "The customer asks which clothing size to choose",
					"I am usually a medium, which size should I order?"),
			List.of("gift wrapping", "The customer wants the order gift wrapped", "Can you wrap it as a present?"),
			List.of("loyalty points", "The customer asks about their loyalty points balance",
					"How many reward points do I have?"),
			List.of("delete account", "The customer wants their account and data deleted",
					"Erase all my personal data please"),
			List.of("speak to human", "The customer wants to talk to a human agent", "Let me talk to a real person"),
			List.of("international shipping", "The customer asks whether you ship abroad", "Do you deliver to Canada?"),
			List.of("order tracking", "The customer wants the tracking number of the shipment",
					"Give me the tracking code of my shipment"),
			List.of("price match", "The customer asks to match a competitor's lower price",
					"Another website sells it cheaper, can you match that?"),
			List.of("return label", "The customer needs a label to return an item",
					"How do I get the sticker to send the shoes back?"),
			List.of("stock availability", "The customer asks when an out-of-stock item is back",
					"When will the red jacket be available again?"),
			List.of("newsletter", "The customer wants to unsubscribe from marketing emails",
					"Stop sending me promotional emails"),
			List.of("allergens", "The customer asks about allergens in a food product",
					"Does this chocolate contain nuts?"),
			List.of("student discount", "The customer asks whether students get a discount",
					"Is there a reduction for students?"));

	private static final List<String> OFF_TOPIC = List.of("What is the capital of Australia?",
			"Write me a poem about the sea", "How do I solve a quadratic equation?",
			"Who won the football match yesterday?");

	@Autowired
	AgentConfiguration configuration;

	@Autowired
	TurnPipeline pipeline;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-quality");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> "quality-admin-key");
	}

	@Test
	void keepsTheRightRuleForParaphrasesAndNothingForUnrelatedMessages() {
		this.configuration.upsertAgent(TENANT, Actor.SYSTEM,
				new AgentDraft("support", "Shop support", "You help shoppers.", null, null));
		for (List<String> c : CASES) {
			this.configuration.upsertRule(TENANT, Actor.SYSTEM, "support",
					new RuleDraft(null, c.get(0), new RuleContent(c.get(1), "Handle: " + c.get(0), RuleScope.GLOBAL,
							null, null, List.of(), List.of(), FiringLimits.NONE), 0, true, null));
		}
		int keptRight = 0;
		int rankedFirst = 0;
		int keptTotal = 0;
		List<String> misses = new ArrayList<>();
		for (List<String> c : CASES) {
			List<MatchedRule> matched = guidance(c.get(2));
			List<String> kept = matched.stream().map(MatchedRule::name).toList();
			log.info("kept for '{}': {}", c.get(2), matched);
			keptTotal += kept.size();
			if (kept.contains(c.get(0))) {
				keptRight++;
			}
			else {
				misses.add(c.get(2) + " -> " + kept);
			}
			if (!kept.isEmpty() && kept.get(0).equals(c.get(0))) {
				rankedFirst++;
			}
		}
		Map<String, List<String>> offTopic = new java.util.LinkedHashMap<>();
		for (String message : OFF_TOPIC) {
			offTopic.put(message, guidance(message).stream().map(MatchedRule::name).toList());
		}
		double recall = keptRight / (double) CASES.size();
		double precision = keptRight / (double) Math.max(1, keptTotal);
		log.info("retrieval quality: recall {} ({}/{}), ranked first {}/{}, precision {}, misses {}, off-topic {}",
				recall, keptRight, CASES.size(), rankedFirst, CASES.size(), precision, misses, offTopic);

		assertThat(recall).as("paraphrases whose rule was kept; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
		assertThat(rankedFirst).as("right rule ranked first").isGreaterThanOrEqualTo(CASES.size() - 3);
		assertThat(precision).as("kept rules that were the right one").isGreaterThanOrEqualTo(0.65);
		assertThat(offTopic.values()).as("rules kept for unrelated messages: %s", offTopic).allMatch(List::isEmpty);
	}

	private List<MatchedRule> guidance(String message) {
		TurnOutcome<GuidanceResult> outcome = this.pipeline
			.guidance(new GuidanceRequest(TENANT, Actor.SYSTEM, "support", message, null, null, null, null));
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<GuidanceResult>) outcome).result().matchedRules();
	}

}
