package io.ruche.brain.configuration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;

/**
 * Turns a document (a draft or a published version) into the rules and scenarios it
 * describes for a live agent, validated as an import would and without writing anything.
 * Objects the live agent has keep their ids; new ones get an id derived from the agent
 * and their name, so that a session trying a draft keeps its scenario and firing counts
 * from one draft edit to the next.
 */
final class DraftMaterializer {

	private final SnapshotImporter importer;

	DraftMaterializer(SnapshotImporter importer) {
		this.importer = importer;
	}

	/**
	 * A document's objects, as a turn would read them.
	 *
	 * @param agent the agent with the document's description, persona and settings
	 * @param rules its rules
	 * @param scenarios its scenarios
	 * @param document the document, its rules' scope references written with scenario
	 * names
	 */
	record Materialized(Agent agent, List<Rule> rules, List<Scenario> scenarios, AgentSnapshot document) {
	}

	Materialized materialize(Agent live, AgentSnapshot document) {
		SnapshotImporter.Plan plan = this.importer.plan(live.tenant(), document, Optional.of(live),
				(name) -> derivedId("scn", live.id(), name));
		List<Rule> rules = plan.rules()
			.stream()
			.map((rule) -> plan.storedRules().containsKey(rule.name()) ? rule
					: withId(rule, derivedId("rul", live.id(), rule.name())))
			.toList();
		List<RuleDraft> portable = rules.stream()
			.map((rule) -> RuleFactory.portableDraft(rule, plan.scenarios()))
			.toList();
		AgentDraft agentDraft = document.agent();
		Agent agent = new Agent(live.tenant(), live.id(), live.name(),
				Objects.requireNonNullElse(agentDraft.description(), live.description()),
				Objects.requireNonNullElse(agentDraft.persona(), live.persona()),
				Objects.requireNonNullElse(agentDraft.settings(), AgentSettings.DEFAULTS),
				Objects.requireNonNullElse(agentDraft.fields(), List.of()), live.version(), live.updatedAt());
		return new Materialized(agent, rules, plan.scenarios(),
				new AgentSnapshot(agentDraft, portable, document.scenarios(), document.tools()));
	}

	private static Rule withId(Rule rule, String id) {
		return new Rule(rule.tenant(), rule.agentId(), id, rule.name(), rule.content(), rule.priority(), rule.enabled(),
				rule.version(), null, rule.updatedAt());
	}

	static String derivedId(String prefix, String agentId, String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((agentId + "/" + name).getBytes(StandardCharsets.UTF_8));
			return prefix + "_d" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
