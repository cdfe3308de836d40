package io.ruche.server.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ruche.adapters.NetworkntSchemaValidator;
import io.ruche.brain.Answered;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.EnforceResult;
import io.ruche.brain.EnforcementSummary;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.InterlocutorExport;
import io.ruche.brain.ReplyMode;
import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.SessionView;
import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentDiff.ChangeKind;
import io.ruche.brain.configuration.AgentDiff.FieldChange;
import io.ruche.brain.configuration.AgentDiff.ObjectChange;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.discovery.ScoreBreakdown;
import io.ruche.toolbox.discovery.ToolHit;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.ToolView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static io.ruche.testkit.fixtures.Agents.anAgent;
import static io.ruche.testkit.fixtures.Rules.aRule;
import static io.ruche.testkit.fixtures.Scenarios.aScenario;
import static io.ruche.testkit.fixtures.Sessions.aSession;
import static io.ruche.testkit.fixtures.Tools.aTool;
import static io.ruche.testkit.fixtures.Turns.aTrace;
import static io.ruche.testkit.fixtures.Turns.aTurn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a fixture through every writer of the wire format and checks it against the
 * schema the writer's class declares: every required field written, every type right, and
 * no field written that the schema does not declare. Schema drift fails here, in
 * milliseconds, before any integration test.
 */
class WireSchemaTests {

	private static final TenantId TENANT = TenantId.of("acme");

	private static final NetworkntSchemaValidator validator = new NetworkntSchemaValidator(
			JsonMapper.builder().build());

	static Stream<Arguments> writers() {
		Rule rule = fullRule();
		Scenario scenario = aScenario(TENANT, "agt_1").withId("scn_1").build();
		ToolView tool = ToolView.of(aTool(TENANT, "weather").build());
		MatchedRule matched = new MatchedRule("rul_1", "orders", 0.123456);
		Violation violation = new Violation("rul_1", "short", "size(response) < 10", "the reply is too long");
		ConverseResult converse = new ConverseResult("ses_1", 2, "Hello", ReplyMode.LLM, List.of(matched),
				new ScenarioPosition("scn_1", "orders", "ask"), List.of(new ToolCallSummary("crm", "ok")),
				new EnforcementSummary(false, List.of(violation), 1), "trc_1",
				new Answered("m-2", Accumulation.Mode.MERGE, List.of("m-1", "m-2"), true, 0));
		ConverseResult alone = new ConverseResult("ses_1", 1, "Hi", ReplyMode.TEMPLATE, List.of(), null, List.of(),
				new EnforcementSummary(true, List.of(), 0), "trc_2", Answered.alone(null, Accumulation.Mode.QUEUE));
		GuidanceResult guidance = new GuidanceResult("ses_1", 2, List.of(matched), null, "be brief",
				List.of(new GuidanceResult.ConstraintView("short", "size(response) < 10")), null, List.of("crm"),
				"trc_1");
		SessionView session = new SessionView(aSession(TENANT, "agt_1").withId("ses_1").build(), "support", null,
				java.util.Map.of(), SessionStatus.IDLE);
		ToolHit hit = new ToolHit("weather", "the forecast", Map.of("type", "object"),
				new ScoreBreakdown(0.5, 0.712345, 0.6), true);
		AgentVersion version = new AgentVersion(TENANT, "agt_1", 2, "key_builder", "rule.upsert refunds",
				java.time.Instant.parse("2026-12-01T10:00:00Z"), "format: ruche/v1\n");
		AgentDiff diff = new AgentDiff(1, 2, List.of(new FieldChange("persona", "old", "new")),
				List.of(new ObjectChange("refunds", ChangeKind.CHANGED,
						List.of(new FieldChange("template.text", "Before", "After"))),
						new ObjectChange("delivery", ChangeKind.ADDED, List.of(new FieldChange("priority", null, 3)))),
				List.of(new ObjectChange("returns", ChangeKind.REMOVED,
						List.of(new FieldChange("steps.ask.instructions", "Ask", null)))),
				List.of(new ObjectChange("weather", ChangeKind.ADDED, List.of())));
		ConfigurationDraft draft = new ConfigurationDraft(TENANT, "agt_1", 2, 3, "key_builder",
				java.time.Instant.parse("2026-12-06T22:00:00Z"), "format: ruche/v1\n");
		ReplayReport.TurnOutcomeView before = new ReplayReport.TurnOutcomeView(List.of("opening-hours"), "Returns",
				"ask", "template", "Open 9 to 6", List.of());
		ReplayReport.TurnOutcomeView after = new ReplayReport.TurnOutcomeView(List.of(), null, null, "llm", null,
				List.of("size(response) < 10"));
		ReplayReport replay = new ReplayReport(
				"agt_1", "live", "draft", List.of(
						new ReplayReport.ReplayedSession(
								"ses_1", List
									.of(new ReplayReport.ReplayedTurn(1, "When are you open?", before, after,
											List.of("rules", "scenario", "step", "mode", "reply", "violations"),
											List.of(new ReplayReport.ToolHandling("crm", "simulated", "ok"),
													new ReplayReport.ToolHandling("pay", "skipped", "skipped")))))),
				1, 1);
		return Stream.of(Arguments.of("agent", AgentJson.SCHEMA, AgentJson.write(agent())),
				Arguments.of("draft", DraftJson.SCHEMA, DraftJson.write(draft)),
				Arguments.of("draft with document", DraftJson.DOCUMENT_SCHEMA, DraftJson.writeWithDocument(draft)),
				Arguments.of("replay", DraftJson.REPLAY_SCHEMA, DraftJson.write(replay)),
				Arguments.of("version", VersionJson.SCHEMA, VersionJson.write(version)),
				Arguments.of("version with document", VersionJson.DOCUMENT_SCHEMA,
						VersionJson.writeWithDocument(version)),
				Arguments.of("diff", VersionJson.DIFF_SCHEMA, VersionJson.write(diff)),
				Arguments.of("agent summary", AgentJson.SUMMARY_SCHEMA, AgentJson.summary(agent())),
				Arguments.of("rule", RuleJson.SCHEMA, RuleJson.write(rule)),
				Arguments.of("ranked rule", RuleJson.SCHEMA, RuleJson.write(new Scored<>(rule, 0.87654), true)),
				Arguments.of("rule version", RuleJson.SCHEMA, RuleJson.writeVersion(rule)),
				Arguments.of("fixture rule", RuleJson.SCHEMA, RuleJson.write(aRule(TENANT, "agt_1").build())),
				Arguments.of("scenario", ScenarioJson.SCHEMA, ScenarioJson.write(scenario)),
				Arguments.of("converse", ConverseJson.SCHEMA, ConverseJson.write(converse)),
				Arguments.of("converse alone", ConverseJson.SCHEMA, ConverseJson.write(alone)),
				Arguments.of("guidance", GuidanceJson.SCHEMA, GuidanceJson.write(guidance)),
				Arguments.of("enforce", EnforceJson.SCHEMA,
						EnforceJson.write(new EnforceResult(false, List.of(violation), false))),
				Arguments.of("session", SessionJson.SCHEMA,
						SessionJson.write(session,
								List.of(aTurn(TENANT, "ses_1", 1, "Hi", "trc_1"),
										aTurn(TENANT, "ses_1", 2, null, "trc_2")))),
				Arguments.of("session summary", SessionJson.SUMMARY_SCHEMA, SessionJson.summary(session)),
				Arguments.of("interlocutor", InterlocutorJson.SCHEMA,
						InterlocutorJson.write(new Interlocutor(TENANT, "customer-42",
								Map.of("email", "ana@example.org", "tier", "gold"), java.util.Set.of("email"),
								java.time.Instant.EPOCH))),
				Arguments.of("interlocutor export", InterlocutorDataJson.EXPORT_SCHEMA,
						InterlocutorDataJson.export(new InterlocutorExport("customer-42",
								new Interlocutor(TENANT, "customer-42", Map.of("email", "ana@example.org"),
										java.util.Set.of("email"), java.time.Instant.EPOCH),
								List.of(new InterlocutorExport.SessionData(
										aSession(TENANT, "agt_1").withId("ses_1").build(),
										List.of(aTurn(TENANT, "ses_1", 1, "Hi", "trc_1")),
										List.of(aTrace(TENANT, "trc_1", "ses_1", 1)))),
								java.time.Instant.EPOCH))),
				Arguments.of("empty interlocutor export", InterlocutorDataJson.EXPORT_SCHEMA,
						InterlocutorDataJson
							.export(new InterlocutorExport("customer-42", null, List.of(), java.time.Instant.EPOCH))),
				Arguments.of("interlocutor erased", InterlocutorDataJson.ERASED_SCHEMA,
						InterlocutorDataJson.erased("customer-42", new PersonalDataStore.Erasure(true, 2, 5))),
				Arguments.of("resealed", InterlocutorDataJson.RESEALED_SCHEMA,
						InterlocutorDataJson.resealed(3, "0a1b2c3d")),
				Arguments.of("session closed", SessionJson.CLOSED_SCHEMA,
						SessionJson.closed(
								aSession(TENANT, "agt_1").withId("ses_1").withStatus(SessionStatus.CLOSED).build())),
				Arguments.of("trace", TraceJson.SCHEMA, TraceJson.write(aTrace(TENANT, "trc_1", "ses_1", 1))),
				Arguments.of("tool", ToolJson.SCHEMA, ToolJson.write(tool)),
				Arguments.of("registration", ToolJson.REGISTRATION_SCHEMA,
						ToolJson.write(new RegistrationResult.Registered(List.of(tool), List.of("old")), "refused")),
				Arguments.of("tool hit", ToolHitJson.SCHEMA, ToolHitJson.write(hit)),
				Arguments.of("completed call", ToolCallJson.SCHEMA,
						ToolCallJson.write(new ToolOutcome.Completed("weather", Map.of("temp", 21), 12), true)),
				Arguments.of("rejected call", ToolCallJson.SCHEMA,
						ToolCallJson.write(new ToolOutcome.Failed(new ToolFailure.Rejected("weather",
								ToolFailure.Reason.CONFIRMATION_REFUSED, "the person said no"), 3), false)),
				Arguments.of("invalid call", ToolCallJson.SCHEMA,
						ToolCallJson.write(
								new ToolOutcome.Failed(
										new ToolFailure.InvalidArguments("weather", List.of("$.city: is missing")), 1),
								true)),
				Arguments.of("timed out call", ToolCallJson.SCHEMA, ToolCallJson
					.write(new ToolOutcome.Failed(new ToolFailure.SandboxTimeout("weather", 500), 501), true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writers")
	void everyWriterMatchesItsSchema(String shape, Map<String, Object> schema, Map<String, Object> written) {
		assertThat(validator.checkSchema(schema)).as("%s: the schema itself", shape).isEmpty();
		assertThat(validator.validate(schema, written)).as("%s: %s", shape, written).isEmpty();
		assertThat(undeclared(schema, written, "$")).as("%s: fields written but not declared", shape).isEmpty();
	}

	@Test
	void inputSchemasAreValidSchemas() {
		for (Map<String, Object> schema : List.of(AgentJson.INPUT, RuleJson.INPUT, ScenarioJson.INPUT,
				ConverseJson.INPUT, GuidanceJson.INPUT, EnforceJson.INPUT, SessionJson.INPUT, TraceJson.INPUT,
				ToolJson.INPUT, ToolCallJson.INPUT, InterlocutorJson.INPUT)) {
			assertThat(validator.checkSchema(schema)).isEmpty();
		}
	}

	@Test
	void aWrittenRuleReadsBackAsTheSameRule() {
		Rule rule = fullRule();
		Map<String, Object> written = RuleJson.write(rule);

		RuleDraft read = RuleJson.read(new Args(written));

		assertThat(validator.validate(RuleJson.INPUT, written)).isEmpty();
		assertThat(read).isEqualTo(
				new RuleDraft(rule.id(), rule.name(), rule.content(), rule.priority(), rule.enabled(), rule.version()));
	}

	@Test
	void aWrittenScenarioReadsBackAsTheSameScenario() {
		Scenario scenario = aScenario(TENANT, "agt_1").withId("scn_1").withVersion(4).build();
		Map<String, Object> written = ScenarioJson.write(scenario);

		ScenarioDraft read = ScenarioJson.read(new Args(written));

		assertThat(validator.validate(ScenarioJson.INPUT, written)).isEmpty();
		assertThat(read).isEqualTo(new ScenarioDraft(scenario.id(), scenario.name(), scenario.description(),
				scenario.entryCondition(), scenario.entryStep(), scenario.steps(), scenario.enabled(), 4L));
	}

	@Test
	void aWrittenAgentReadsBackAsTheSameAgent() {
		Agent agent = agent();

		var read = AgentJson.read(new Args(AgentJson.write(agent)));

		assertThat(read.name()).isEqualTo(agent.name());
		assertThat(read.persona()).isEqualTo(agent.persona());
		assertThat(read.settings()).isEqualTo(agent.settings());
		assertThat(read.expectedVersion()).isEqualTo(agent.version());
	}

	@Test
	void aWrittenToolIsARegistrationOfTheSameTool() {
		ToolView tool = ToolView.of(aTool(TENANT, "weather").build());
		Map<String, Object> fields = new java.util.LinkedHashMap<>(ToolJson.write(tool));
		fields.remove("secret_headers");

		var request = ToolJson.read(TENANT, Actor.key("key_1", Role.BUILDER), new Args(fields));

		assertThat(request.name()).isEqualTo(tool.name());
		assertThat(request.inputSchema()).isEqualTo(tool.inputSchema());
		assertThat(request.execution()).isEqualTo(tool.execution());
	}

	private static Agent agent() {
		return anAgent(TENANT).withId("agt_1").withName("support").withVersion(3).build();
	}

	private static Rule fullRule() {
		RuleDraft draft = RuleJson.read(new Args(Map.ofEntries(Map.entry("name", "refunds"),
				Map.entry("condition", "the customer asks for a refund"), Map.entry("action", "explain the policy"),
				Map.entry("scope", "step"), Map.entry("scope_ref", "orders/ask"), Map.entry("priority", 5),
				Map.entry("template", Map.of("text", "Refunds take {{days}} days", "mode", "fallback")),
				Map.entry("constraints", List.of("size(response) < 600")), Map.entry("tools", List.of("crm")),
				Map.entry("relations", List.of(Map.of("kind", "depends_on", "rule", "greeting"))),
				Map.entry("max_fires_per_session", 2), Map.entry("cooldown_turns", 1))));
		return new Rule(TENANT, "agt_1", "rul_1", draft.name(), draft.content(), draft.priority(), draft.enabled(), 7,
				null, java.time.Instant.parse("2026-01-02T03:04:05Z"));
	}

	// JSON Schema allows what it does not declare; the wire format must not write it.
	@SuppressWarnings("unchecked")
	private static List<String> undeclared(Map<String, Object> schema, @Nullable Object value, String path) {
		List<String> problems = new ArrayList<>();
		if (value instanceof Map<?, ?> map && schema.get("properties") instanceof Map<?, ?> properties
				&& !properties.isEmpty()) {
			map.forEach((key, field) -> {
				if (properties.get(key) instanceof Map<?, ?> fieldSchema) {
					problems.addAll(undeclared((Map<String, Object>) fieldSchema, field, path + "." + key));
				}
				else if (schema.get("additionalProperties") instanceof Map<?, ?> others) {
					problems.addAll(undeclared((Map<String, Object>) others, field, path + "." + key));
				}
				else {
					problems.add(path + "." + key);
				}
			});
		}
		if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
			for (int i = 0; i < list.size(); i++) {
				problems.addAll(undeclared((Map<String, Object>) items, list.get(i), path + "[" + i + "]"));
			}
		}
		return problems;
	}

}
