package io.ruche.brain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.ConfigurationSource.ConfiguredAgent;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayReport.ReplayedTurn;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.brain.testing.InMemoryBrain;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static io.ruche.brain.testing.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay of recorded conversations: on the live configuration and on a candidate, in
 * memory, reporting exactly the turns that differ, writing nothing.
 */
class SandboxReplayTests {

	private final InMemoryBrain brain = new InMemoryBrain();

	private final Rule hours = rule("hours", "customer asks about the shop opening hours", RuleScope.GLOBAL, null,
			List.of(), new Template("We are open 9 to 17.", TemplateMode.EXCLUSIVE));

	private final Rule delivery = rule("delivery", "customer asks when the parcel will be delivered", RuleScope.GLOBAL,
			null, List.of(), new Template("Parcels arrive within 3 days.", TemplateMode.EXCLUSIVE));

	SandboxReplayTests() {
		this.brain.agents.save(new Agent(TENANT, AGENT, "support", "help desk", "You help.",
				new AgentSettings("Let me check.", 1, Map.of()), List.of(), 0, Instant.EPOCH));
		this.brain.addRule(this.hours);
		this.brain.addRule(this.delivery);
	}

	// The draft changes the hours' template only.
	private ConfigurationSource draft() {
		Rule changed = new Rule(TENANT, AGENT, "hours", "hours",
				new Rule.RuleContent(this.hours.content().condition(), "act", RuleScope.GLOBAL, null,
						new Template("We are open every day.", TemplateMode.EXCLUSIVE), List.of(), List.of(),
						Rule.FiringLimits.NONE),
				0, true, 1, null, Instant.EPOCH);
		return (live, version) -> {
			if (!"draft".equals(version)) {
				throw new UnknownObjectException("version", version);
			}
			return new ConfiguredAgent(live, List.of(embedded(changed), embedded(this.delivery)), List.of(), List.of(),
					version);
		};
	}

	private EmbeddedRule embedded(Rule rule) {
		return new EmbeddedRule(rule, this.brain.embeddings.embed(rule.content().condition()));
	}

	@Test
	void reportsExactlyTheTurnsTheChangedRuleAffectsAndWritesNothing() {
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().configurations(draft()).build());
		ConverseResult first = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "when will my parcel be delivered?")));
		completed(pipeline.converse(
				ConverseRequest.of(TENANT, "support", "what are the shop opening hours?").inSession(first.session())));
		var sessionBefore = this.brain.sessions.find(TENANT, first.session()).orElseThrow();
		int auditBefore = this.brain.audit.records.size();

		ReplayReport report = pipeline
			.replay(new ReplayRequest(TENANT, "support", "draft", List.of(first.session()), null));

		assertThat(report.turns()).isEqualTo(2);
		assertThat(report.changed()).isEqualTo(1);
		List<ReplayedTurn> turns = report.sessions().get(0).turns();
		assertThat(turns.get(0).changed()).isEmpty();
		assertThat(turns.get(0).after().reply()).isEqualTo("Parcels arrive within 3 days.");
		assertThat(turns.get(1).changed()).containsExactly("reply");
		assertThat(turns.get(1).before().reply()).isEqualTo("We are open 9 to 17.");
		assertThat(turns.get(1).after().reply()).isEqualTo("We are open every day.");
		assertThat(turns.get(1).after().mode()).isEqualTo("template");
		assertThat(this.brain.turns.turns(TENANT, first.session())).hasSize(2);
		assertThat(this.brain.sessions.find(TENANT, first.session())).contains(sessionBefore);
		assertThat(this.brain.audit.records).hasSize(auditBefore);
	}

	@Test
	void aTryOnTheDraftAnswersFromItWhileLiveTurnsDoNot() {
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().configurations(draft()).build());
		ConverseRequest hoursQuestion = ConverseRequest.of(TENANT, "support", "what are the shop opening hours?");

		assertThat(completed(pipeline.converse(hoursQuestion)).response()).isEqualTo("We are open 9 to 17.");
		assertThat(completed(pipeline.converse(hoursQuestion.withVersion("draft"))).response())
			.isEqualTo("We are open every day.");
		assertThatThrownBy(() -> pipeline.converse(hoursQuestion.withVersion("7")))
			.isInstanceOf(UnknownObjectException.class)
			.hasMessageContaining("7");
	}

	@Test
	void lastTurnsReportsTheLatestRecordedTurns() {
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().configurations(draft()).build());
		ConverseResult first = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "what are the shop opening hours?")));
		completed(pipeline.converse(
				ConverseRequest.of(TENANT, "support", "when will my parcel be delivered?").inSession(first.session())));

		ReplayReport report = pipeline.replay(new ReplayRequest(TENANT, "support", "draft", List.of(), 1));

		assertThat(report.turns()).isEqualTo(1);
		assertThat(report.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.turns()).extracting(ReplayedTurn::turn).containsExactly(2));
	}

	@Test
	void aReplayIsBounded() {
		List<String> many = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj((i) -> "ses_" + i).toList();

		assertThatThrownBy(() -> new ReplayRequest(TENANT, "support", "draft", many, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 50 sessions");
		assertThatThrownBy(() -> new ReplayRequest(TENANT, "support", "draft", List.of(), 501))
			.hasMessageContaining("between 1 and 500");
		assertThatThrownBy(() -> new ReplayRequest(TENANT, "support", "latest", List.of(), null))
			.hasMessageContaining("\"draft\" or a published version number");
	}

	private static <T> T completed(TurnOutcome<T> outcome) {
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<T>) outcome).result();
	}

}
