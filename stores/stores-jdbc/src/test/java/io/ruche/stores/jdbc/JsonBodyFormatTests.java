package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.Trace.Phase;
import io.ruche.brain.model.Transition;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the text of every JSON column: rows already stored must stay readable, so a change
 * here is a change of the database format and needs a migration of the stored rows.
 */
class JsonBodyFormatTests {

	private static final TenantId TENANT = TenantId.of("acme");

	private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Json json = new Json(this.mapper);

	@Test
	void pinsEveryJsonColumn() {
		Set<Class<?>> pinned = Set.of(SessionRow.StateBody.class, AgentRow.SettingsBody.class,
				AgentRow.FieldsBody.class, TurnRow.Body.class, TraceRow.Body.class, InterlocutorRow.Body.class,
				TenantRow.SettingsBody.class, AuditRow.Details.class, RuleContentBody.class, ScenarioBody.class,
				ToolBody.class);

		assertThat(Arrays.asList(JsonBody.class.getPermittedSubclasses())).containsExactlyInAnyOrderElementsOf(pinned);
	}

	@Test
	void sessionState() {
		SessionState state = new SessionState("scn_1", "collect", Map.of("order", "A-1"), Map.of("rul_1", 2),
				Map.of("rul_1", 3), List.of(new StepVisit("scn_1", "collect", 3, "entry")), new ScenarioMemory(
						List.of(new AbandonedScenario("scn_2", "address", Map.of("city", "Lyon"), 2, "switch")), 2));

		SessionRow.StateBody body = assertFormat(SessionRow.StateBody.of(state), """
				{"scenarioId": "scn_1", "stepId": "collect", "variables": {"order": "A-1"},
				 "ruleFires": {"rul_1": 2}, "ruleLastFiredTurn": {"rul_1": 3},
				 "stepHistory": [{"scenarioId": "scn_1", "stepId": "collect", "turn": 3, "reason": "entry"}],
				 "scenarioMemory": {"abandoned": [{"scenarioId": "scn_2", "stepId": "address",
				                                   "fields": {"city": "Lyon"}, "turn": 2, "reason": "switch"}],
				                    "lastFieldTurn": 2}}""");

		assertThat(body.toState()).isEqualTo(state);
	}

	@Test
	void sessionStateStoredBeforeHistoryAndMemoryHasNone() {
		SessionRow.StateBody body = this.json.read("""
				{"scenarioId": null, "stepId": null, "variables": {}, "ruleFires": {}, "ruleLastFiredTurn": {}}""",
				SessionRow.StateBody.class);

		assertThat(body.toState()).isEqualTo(SessionState.EMPTY);
	}

	@Test
	void agentSettings() {
		AgentSettings settings = new AgentSettings("Sorry.", 2, Map.of("tone", "warm"));

		AgentRow.SettingsBody body = assertFormat(AgentRow.SettingsBody.of(settings), """
				{"fallbackText": "Sorry.", "maxRegenerations": 2, "extra": {"tone": "warm"}}""");

		assertThat(body.toSettings()).isEqualTo(settings);
	}

	@Test
	void agentFields() {
		List<FieldSpec> fields = List.of(new FieldSpec("email", "E-mail", "([\\w.]+@[\\w.]+)", false, true, true));

		AgentRow.FieldsBody body = assertFormat(AgentRow.FieldsBody.of(fields), """
				{"fields": [{"name": "email", "description": "E-mail", "pattern": "([\\\\w.]+@[\\\\w.]+)",
				 "required": false, "personal": true, "profile": true}]}""");

		assertThat(body.toFields()).isEqualTo(fields);
	}

	@Test
	void turn() {
		TurnRecord turn = new TurnRecord(TENANT, "ses_1", 4, "Where is my parcel?", null, "template",
				List.of(new MatchedRule("rul_1", "delivery", 0.75)), "scn_1", "collect",
				List.of(new ToolCallSummary("track", "ok")), "trc_1", AT, null);

		assertFormat(TurnRow.Body.of(turn), """
				{"message": "Where is my parcel?", "mode": "template",
				 "matchedRules": [{"id": "rul_1", "name": "delivery", "score": 0.75}],
				 "scenarioId": "scn_1", "stepId": "collect", "toolCalls": [{"tool": "track", "status": "ok"}]}""");
	}

	@Test
	void trace() {
		Phase phase = new Phase("situation", 1.5, "ok", Map.of("embedding_ms", 0.5));

		TraceRow.Body body = assertFormat(new TraceRow.Body(List.of(TraceRow.PhaseBody.of(phase))), """
				{"phases": [{"name": "situation", "durationMs": 1.5, "status": "ok",
				 "decisions": {"embedding_ms": 0.5}}]}""");

		assertThat(body.phases().getFirst().toPhase()).isEqualTo(phase);
	}

	@Test
	void interlocutorProfile() {
		assertFormat(new InterlocutorRow.Body(Map.of("email", "a@example.org"), Set.of("email")), """
				{"fields": {"email": "a@example.org"}, "personalFields": ["email"]}""");
	}

	@Test
	void tenantSettingsKeepOnlyWhatChanged() {
		assertFormat(TenantRow.SettingsBody.DEFAULTS, "{}");
		TenantRow.SettingsBody changed = assertFormat(TenantRow.SettingsBody.of(new TenantSettings(true)), """
				{"allow_client_preconfirm": true}""");

		assertThat(changed.toSettings()).isEqualTo(new TenantSettings(true));
		assertThat(TenantRow.SettingsBody.DEFAULTS.toSettings()).isEqualTo(TenantSettings.DEFAULTS);
		TenantRow.SettingsBody retained = assertFormat(TenantRow.SettingsBody.of(new TenantSettings(false, 30)), """
				{"allow_client_preconfirm": false, "retention_days": 30}""");
		assertThat(retained.toSettings()).isEqualTo(new TenantSettings(false, 30));
		TenantRow.SettingsBody budgets = assertFormat(TenantRow.SettingsBody.of(new TenantSettings(false, 0, 5, 0)), """
				{"allow_client_preconfirm": false, "turns_per_minute": 5}""");
		assertThat(budgets.toSettings()).isEqualTo(new TenantSettings(false, 0, 5, 0));
	}

	@Test
	void auditDetails() {
		assertFormat(new AuditRow.Details(Map.of("tool", "track")), """
				{"tool": "track"}""");
	}

	@Test
	void ruleContent() {
		RuleContent content = new RuleContent("asks for a refund", "explain the policy", RuleScope.STEP,
				"scn_1/collect", new Template("Refunds take 5 days.", TemplateMode.EXCLUSIVE),
				List.of("size(response) < 500"), List.of("refund"), new FiringLimits(1, 2),
				List.of(new Relation(RelationKind.DEPENDS_ON, "policy")));

		RuleContentBody body = assertFormat(RuleContentBody.of(content), """
				{"condition": "asks for a refund", "action": "explain the policy", "scope": "STEP",
				 "scopeRef": "scn_1/collect", "template": {"text": "Refunds take 5 days.", "mode": "EXCLUSIVE"},
				 "constraints": ["size(response) < 500"], "tools": ["refund"],
				 "limits": {"maxFiresPerSession": 1, "cooldownTurns": 2},
				 "relations": [{"kind": "DEPENDS_ON", "rule": "policy"}]}""");

		assertThat(body.toContent()).isEqualTo(content);
	}

	@Test
	void ruleContentStoredBeforeRelationsHasNone() {
		RuleContentBody body = this.json.read("""
				{"condition": "asks", "action": "answer", "scope": "GLOBAL", "scopeRef": null, "template": null,
				 "constraints": [], "tools": [], "limits": {"maxFiresPerSession": 0, "cooldownTurns": 0}}""",
				RuleContentBody.class);

		assertThat(body.toContent().relations()).isEmpty();
	}

	@Test
	void scenarioFlow() {
		ScenarioStep step = new ScenarioStep("collect", "Collect", "Ask for the order number",
				List.of(new FieldSpec("order", "the order number", "[A-Z]-[0-9]+", true, false)),
				List.of(new Transition("done", "order != ''", null)), false, List.of("track"), true,
				new Template("Your order?", TemplateMode.SUGGEST), List.of("asks about something else"));
		Scenario scenario = new Scenario(TENANT, "agt_1", "scn_1", "returns", "Returns", "wants to return", "collect",
				List.of(step, new ScenarioStep("done", "Done", "Thank", List.of(), List.of(), true, List.of(), false)),
				List.of("wants to stop"), true, 1, null, AT);

		ScenarioBody body = assertFormat(ScenarioBody.of(scenario), """
				{"description": "Returns", "entryCondition": "wants to return", "entryStep": "collect",
				 "steps": [
				  {"id": "collect", "name": "Collect", "instructions": "Ask for the order number",
				   "collects": [{"name": "order", "description": "the order number", "pattern": "[A-Z]-[0-9]+",
				                 "required": true, "personal": false, "profile": false}],
				   "transitions": [{"to": "done", "condition": "order != ''", "when": null}],
				   "terminal": false, "tools": ["track"], "reachableFromAnywhere": true,
				   "template": {"text": "Your order?", "mode": "SUGGEST"},
				   "exitConditions": ["asks about something else"]},
				  {"id": "done", "name": "Done", "instructions": "Thank", "collects": [], "transitions": [],
				   "terminal": true, "tools": [], "reachableFromAnywhere": false, "template": null,
				   "exitConditions": []}],
				 "exitConditions": ["wants to stop"]}""");

		assertThat(body.toSteps()).isEqualTo(scenario.steps());
		assertThat(body.toExitConditions()).isEqualTo(scenario.exitConditions());
	}

	@Test
	void scenarioFlowStoredBeforeExitConditionsHasNone() {
		ScenarioBody body = this.json.read("""
				{"description": "Returns", "entryCondition": "wants to return", "entryStep": "done",
				 "steps": [{"id": "done", "name": "Done", "instructions": "Thank", "collects": [], "transitions": [],
				            "terminal": true, "tools": [], "reachableFromAnywhere": false, "template": null}]}""",
				ScenarioBody.class);

		assertThat(body.toExitConditions()).isEmpty();
		assertThat(body.toSteps().getFirst().exitConditions()).isEmpty();
	}

	@Test
	void mirrorsEveryComponentOfTheDomainRecords() {
		// a component added to a domain record but not to its body would silently not be
		// stored; names may differ (the body's are the stored format)
		Map<Class<?>, Class<?>> mirrors = Map.ofEntries(Map.entry(SessionState.class, SessionRow.StateBody.class),
				Map.entry(StepVisit.class, SessionRow.StepVisitBody.class),
				Map.entry(ScenarioMemory.class, SessionRow.MemoryBody.class),
				Map.entry(AbandonedScenario.class, SessionRow.AbandonedBody.class),
				Map.entry(AgentSettings.class, AgentRow.SettingsBody.class),
				Map.entry(MatchedRule.class, TurnRow.MatchedRuleBody.class),
				Map.entry(ToolCallSummary.class, TurnRow.ToolCallBody.class),
				Map.entry(Phase.class, TraceRow.PhaseBody.class), Map.entry(RuleContent.class, RuleContentBody.class),
				Map.entry(Template.class, TemplateBody.class),
				Map.entry(FiringLimits.class, RuleContentBody.LimitsBody.class),
				Map.entry(Relation.class, RuleContentBody.RelationBody.class),
				Map.entry(ScenarioStep.class, ScenarioBody.StepBody.class),
				Map.entry(FieldSpec.class, ScenarioBody.FieldBody.class),
				Map.entry(Transition.class, ScenarioBody.TransitionBody.class),
				Map.entry(ExecutionPolicy.class, ToolBody.ExecutionBody.class));

		mirrors.forEach((domain, body) -> assertThat(body.getRecordComponents()).as(body.getName())
			.hasSameSizeAs(domain.getRecordComponents()));
	}

	@Test
	void toolDefinition() {
		ToolDefinition tool = new ToolDefinition(TENANT, "track", "Tracks a parcel", Map.of("type", "object"), null,
				ToolKind.HTTP, "http://127.0.0.1/track", new ExecutionPolicy(5000, SideEffect.PURE, false),
				Map.of("token", "TRACK_TOKEN"), Map.of("readOnlyHint", true), "import", 1, AT);

		ToolBody body = assertFormat(ToolBody.of(tool), """
				{"description": "Tracks a parcel", "inputSchema": {"type": "object"}, "outputSchema": null,
				 "kind": "HTTP", "target": "http://127.0.0.1/track",
				 "execution": {"timeoutMs": 5000, "sideEffect": "PURE", "requiresConfirmation": false},
				 "secrets": {"token": "TRACK_TOKEN"}, "annotations": {"readOnlyHint": true}, "source": "import"}""");

		assertThat(body.toExecution()).isEqualTo(tool.execution());
	}

	/** Writes the body as the pinned JSON and reads that JSON back as the same body. */
	@SuppressWarnings("unchecked")
	private <T> T assertFormat(T body, String pinned) {
		assertThat(this.mapper.readTree(this.json.write(body))).isEqualTo(this.mapper.readTree(pinned));
		T read = (T) this.json.read(pinned, body.getClass());
		assertThat(read).isEqualTo(body);
		return read;
	}

}
