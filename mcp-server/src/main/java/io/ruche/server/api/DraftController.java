package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.TurnPipeline;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.DraftEdit;
import io.ruche.brain.configuration.PublishOutcome;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.AgentJson;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.DraftJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.RuleJson;
import io.ruche.server.wire.ScenarioJson;
import io.ruche.server.wire.VersionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Safe change of an agent's configuration over REST: its draft (read, edit, discard), the
 * replay of recorded conversations against a candidate, and the publish of the draft. The
 * same {@link AgentDrafts} and replay as {@code agent_draft}, the {@code draft: true}
 * upserts, {@code agent_replay} and {@code agent_publish}.
 */
@RestController
@RequestMapping("/api/agents/{agent}")
@Tag(name = "Drafts", description = "An agent's draft, replay of recorded conversations, publish")
public class DraftController {

	private final AgentDrafts drafts;

	private final AgentConfiguration configuration;

	private final TurnPipeline pipeline;

	public DraftController(AgentDrafts drafts, AgentConfiguration configuration, TurnPipeline pipeline) {
		this.drafts = drafts;
		this.configuration = configuration;
		this.pipeline = pipeline;
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading drafts")
	@GetMapping("/draft")
	@Operation(summary = "The agent's draft with its document, and its diff from the live configuration "
			+ "(viewer); an empty object when the agent has no draft")
	public Map<String, Object> draft(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent) {
		Optional<ConfigurationDraft> draft = this.drafts.draft(principal.tenant(), agent);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("draft", draft.map(DraftJson::writeWithDocument).orElse(null));
		body.put("diff", draft.isPresent() ? VersionJson.write(this.drafts.diff(principal.tenant(), agent)) : null);
		return body;
	}

	@RequiresRole(value = Role.BUILDER, operation = "discarding drafts")
	@DeleteMapping("/draft")
	@Operation(summary = "Drop the agent's draft (builder); 204, or 404 when it has none")
	public ResponseEntity<Void> discard(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent) {
		return this.drafts.discard(principal.tenant(), principal.actor(), agent) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@PutMapping("/draft/agent")
	@Operation(summary = "Change the draft's description, persona or settings (builder): the body of agent_upsert "
			+ "without name; answers {agent, draft}")
	public Map<String, Object> putAgent(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		values.put("name", this.configuration.agent(principal.tenant(), agent).name());
		values.remove("version");
		var edit = this.drafts.upsertAgent(principal.tenant(), principal.actor(), AgentJson.read(new Args(values)));
		return edited("agent", AgentJson.write(edit.object()), edit);
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@PutMapping("/draft/rules")
	@Operation(summary = "Create or update a rule in the draft (builder): the rule of rule_upsert, with the id of "
			+ "the rule it replaces; answers {rule, draft}")
	public Map<String, Object> putRule(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		values.remove("version");
		var edit = this.drafts.upsertRule(principal.tenant(), principal.actor(), agent,
				RuleJson.read(new Args(values)));
		return edited("rule", RuleJson.write(edit.object()), edit);
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@DeleteMapping("/draft/rules/{rule}")
	@Operation(summary = "Remove a rule (id or name) from the draft (builder); answers {deleted, draft}")
	public Map<String, Object> deleteRule(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String rule) {
		return edited("deleted", true, this.drafts.deleteRule(principal.tenant(), principal.actor(), agent, rule));
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@PutMapping("/draft/scenarios")
	@Operation(summary = "Create or update a scenario in the draft (builder): the scenario of scenario_upsert, "
			+ "with the id of the scenario it replaces; answers {scenario, draft}")
	public Map<String, Object> putScenario(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		values.remove("version");
		var edit = this.drafts.upsertScenario(principal.tenant(), principal.actor(), agent,
				ScenarioJson.read(new Args(values)));
		return edited("scenario", ScenarioJson.write(edit.object()), edit);
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@DeleteMapping("/draft/scenarios/{scenario}")
	@Operation(summary = "Remove a scenario (id or name) from the draft (builder); answers {deleted, draft}")
	public Map<String, Object> deleteScenario(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String scenario) {
		return edited("deleted", true,
				this.drafts.deleteScenario(principal.tenant(), principal.actor(), agent, scenario));
	}

	@RequiresRole(value = Role.BUILDER, operation = "editing drafts")
	@PutMapping("/draft/tools/{tool}")
	@Operation(summary = "Enable or disable a registered tool in the draft (builder): {\"enabled\": true|false}; "
			+ "answers {changed, draft}")
	public Map<String, Object> putTool(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String tool, @RequestBody Map<String, Object> body) {
		boolean enabled = new Args(body).bool("enabled", true);
		var edit = this.drafts.enableTool(principal.tenant(), principal.actor(), agent, tool, enabled);
		return edited("changed", edit.object(), edit);
	}

	private static Map<String, Object> edited(String key, Object value, DraftEdit<?> edit) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(key, value);
		body.put("draft", DraftJson.write(edit.draft()));
		return body;
	}

	@RequiresRole(value = Role.BUILDER, operation = "replaying conversations")
	@PostMapping("/replay")
	@Operation(summary = "Replay recorded conversations on the live configuration and on a candidate, in a "
			+ "sandbox (builder): {\"version\": \"draft\"|number, \"sessions\"?: [id], \"last_turns\"?: n}; "
			+ "answers the report of agent_replay")
	public Map<String, Object> replay(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestBody Map<String, Object> body) {
		Args args = new Args(body);
		String version = DraftJson.version(args);
		if (version == null) {
			throw new InvalidArgumentsException("version is required: \"draft\" or a version number");
		}
		Integer lastTurns = args.has("last_turns") ? args.integer("last_turns", 0) : null;
		List<String> sessions = args.has("sessions") ? args.strings("sessions") : List.of();
		ReplayRequest request = InvalidArgumentsException
			.reading(() -> new ReplayRequest(principal.tenant(), agent, version, sessions, lastTurns));
		return DraftJson.write(this.pipeline.replay(request));
	}

	@RequiresRole(value = Role.BUILDER, operation = "publishing drafts")
	@PostMapping("/draft/publish")
	@Operation(summary = "Publish the draft as a new version (builder): {\"revision\"?: n}; answers {version}. "
			+ "409 when the draft is not at that revision, another version was published since it began, or a "
			+ "concurrent publish won; 422 with the replay report (property replay) when golden sessions change")
	public ResponseEntity<?> publish(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		Args args = new Args((body != null) ? body : Map.of());
		Long revision = args.has("revision") ? (long) args.integer("revision", 0) : null;
		return switch (this.drafts.publish(principal.tenant(), principal.actor(), agent, revision)) {
			case PublishOutcome.Published published ->
				ResponseEntity.ok(Map.of("version", VersionJson.write(published.version())));
			case PublishOutcome.Refused refused -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
						refused.report().changed() + " turn(s) of the golden sessions would change");
				problem.setTitle("Publish refused");
				problem.setProperty("replay", DraftJson.write(refused.report()));
				yield ResponseEntity.of(problem).build();
			}
		};
	}

}
