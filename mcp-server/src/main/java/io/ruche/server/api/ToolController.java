package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.AuditLog;
import io.ruche.server.config.ToolboxProperties;
import io.ruche.server.security.AccessDeniedException;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.security.TenantSettingsService;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.ToolCallJson;
import io.ruche.server.wire.ToolHitJson;
import io.ruche.server.wire.ToolJson;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.sandbox.SandboxPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Toolbox over REST: the tenant's catalog, registration, search, per-agent
 * activations, trial calls in the sandbox, limits and recent failures. The same registry,
 * search and runner as the MCP tools do the work, with the same JSON. REST has no MCP
 * elicitation: a tool that requires confirmation runs only when the body says
 * {@code "confirmed": true}, and only a key allowed to confirm for the person
 * ({@link TenantSettingsService#mayPreconfirm}) may say so.
 */
@RestController
@Tag(name = "Tools", description = "The Toolbox: register, search, enable per agent, invoke")
public class ToolController {

	private static final int FAILURES_SCANNED = 500;

	private final ToolRegistry registry;

	private final ToolSearch search;

	private final ToolRunner runner;

	private final AgentConfiguration agents;

	private final AuditLog audit;

	private final ToolboxProperties toolbox;

	private final SchemaValidator schemas;

	private final TenantSettingsService tenantSettings;

	public ToolController(ToolRegistry registry, ToolSearch search, ToolRunner runner, AgentConfiguration agents,
			AuditLog audit, ToolboxProperties toolbox, SchemaValidator schemas, TenantSettingsService tenantSettings) {
		this.schemas = schemas;
		this.tenantSettings = tenantSettings;
		this.registry = registry;
		this.search = search;
		this.runner = runner;
		this.agents = agents;
		this.audit = audit;
		this.toolbox = toolbox;
	}

	@RequiresRole(value = Role.VIEWER, operation = "listing tools")
	@GetMapping("/api/tools")
	@Operation(summary = "The tenant's tool catalog by name (viewer); secrets are never shown; with agent, "
			+ "each tool says whether it is enabled for that agent")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String agent) {
		Set<String> enabled = null;
		if (agent != null && !agent.isBlank()) {
			String agentId = this.agents.agent(principal.tenant(), agent).id();
			enabled = this.registry.listEnabled(principal.tenant(), agentId)
				.stream()
				.map(ToolView::name)
				.collect(Collectors.toSet());
		}
		Set<String> on = enabled;
		return Http.pageBody(this.registry.list(principal.tenant()).stream().map((tool) -> {
			Map<String, Object> view = ToolJson.write(tool);
			if (on != null) {
				view.put("enabled", on.contains(tool.name()));
			}
			return view;
		}).toList(), null);
	}

	@RequiresRole(value = Role.BUILDER, operation = "registering tools")
	@PostMapping("/api/tools")
	@Operation(summary = "Register a tool (builder); the body is the tool of tool_register; the input schema is "
			+ "checked as JSON Schema 2020-12")
	public ResponseEntity<Map<String, Object>> register(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		RegistrationResult result = this.registry
			.register(ToolJson.read(principal.tenant(), principal.actor(), new Args(body)));
		return ResponseEntity.status(HttpStatus.CREATED).body(ToolJson.write(result, "tool not registered"));
	}

	@RequiresRole(value = Role.VIEWER, operation = "checking schemas")
	@PostMapping("/api/tools/schema/check")
	@Operation(summary = "Check a JSON Schema as registration does (viewer): {\"schema\": {...}} -> "
			+ "{\"valid\", \"problems\"}")
	public Map<String, Object> checkSchema(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		List<String> problems = this.schemas.checkSchema(new Args(body).object("schema").values());
		return Map.of("valid", problems.isEmpty(), "problems", problems);
	}

	@RequiresRole(value = Role.VIEWER, operation = "searching tools")
	@GetMapping("/api/tools/search")
	@Operation(summary = "Find tools by need, ranked by meaning and words (viewer); with agent, each hit says enabled")
	public Map<String, Object> search(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam String q, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Integer limit) {
		String agentId = (agent != null && !agent.isBlank()) ? this.agents.agent(principal.tenant(), agent).id() : null;
		SearchToolsRequest request = InvalidArgumentsException
			.reading(() -> new SearchToolsRequest(principal.tenant(), q, (limit != null) ? limit : 10, agentId));
		return Http.pageBody(this.search.search(request).stream().map(ToolHitJson::write).toList(), null);
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading tool limits")
	@GetMapping("/api/tools/limits")
	@Operation(summary = "The sandbox limits that apply to every tool call of the tenant (viewer), read-only")
	public Map<String, Object> limits(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		SandboxPolicy policy = this.toolbox.sandboxPolicy();
		Map<String, Object> limits = new LinkedHashMap<>();
		limits.put("timeout_cap_ms", policy.timeoutCap().toMillis());
		limits.put("max_response_bytes", policy.maxResponseBytes());
		limits.put("tenant_calls_per_minute", policy.tenantCallsPerMinute());
		limits.put("tool_calls_per_minute", policy.toolCallsPerMinute());
		limits.put("daily_quota", policy.dailyQuota());
		limits.put("tenant_concurrency", policy.tenantConcurrency());
		limits.put("breaker", Map.of("failure_rate_percent", policy.breaker().failureRatePercent(), "minimum_calls",
				policy.breaker().minimumCalls(), "open_ms", policy.breaker().openDuration().toMillis()));
		limits.put("retry",
				Map.of("max_attempts", policy.retry().maxAttempts(), "pause_ms", policy.retry().pause().toMillis()));
		limits.put("enabled_by_default", this.toolbox.enabledByDefault());
		return limits;
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading tool failures")
	@GetMapping("/api/tools/failures")
	@Operation(summary = "Recent failed tool calls of the tenant (audit records of tool.invoke whose outcome is "
			+ "not ok), newest first, optionally of one tool (viewer)")
	public Map<String, Object> failures(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String tool,
			@RequestParam(required = false) @Nullable Integer limit) {
		int max = (limit != null) ? Math.max(1, Math.min(limit, 100)) : 20;
		List<Map<String, Object>> failures = this.audit.list(principal.tenant(), PageRequest.first(FAILURES_SCANNED))
			.items()
			.stream()
			.filter((r) -> "tool.invoke".equals(r.action()) && !"ok".equals(r.outcome()))
			.filter((r) -> tool == null || tool.isBlank() || tool.equals(r.subject()))
			.limit(max)
			.map(SessionController::audit)
			.toList();
		return Http.pageBody(failures, null);
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading tools")
	@GetMapping("/api/tools/{name}")
	@Operation(summary = "Read a tool (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String name) {
		ToolView tool = find(principal, name);
		return Http.versioned(ToolJson.write(tool), tool.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "removing tools")
	@DeleteMapping("/api/tools/{name}")
	@Operation(summary = "Remove a tool, or an MCP server registration with its imported tools (builder)")
	public ResponseEntity<Void> remove(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String name) {
		if (!this.registry.remove(principal.tenant(), name, principal.actor())) {
			throw new UnknownObjectException("tool", name);
		}
		return ResponseEntity.noContent().build();
	}

	@RequiresRole(value = Role.VIEWER, operation = "listing an agent's tools")
	@GetMapping("/api/agents/{agent}/tools")
	@Operation(summary = "The tools enabled for an agent (viewer)")
	public Map<String, Object> enabled(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent) {
		String agentId = this.agents.agent(principal.tenant(), agent).id();
		return Http.pageBody(
				this.registry.listEnabled(principal.tenant(), agentId).stream().map(ToolJson::write).toList(), null);
	}

	@RequiresRole(value = Role.BUILDER, operation = "enabling tools")
	@PutMapping("/api/agents/{agent}/tools/{name}")
	@Operation(summary = "Enable or disable a tool for an agent (builder): {\"enabled\": true}")
	public Map<String, Object> enable(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String name,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		String agentId = this.agents.agent(principal.tenant(), agent).id();
		boolean enabled = new Args((body != null) ? body : Map.of()).bool("enabled", true);
		if (!this.registry.enable(principal.tenant(), agentId, name, enabled, principal.actor())) {
			throw new UnknownObjectException("tool", name);
		}
		this.agents.versions()
			.toolsChanged(principal.tenant(), principal.actor(), agentId,
					(enabled ? "tool.enable " : "tool.disable ") + name);
		return Map.of("agent", agentId, "name", name, "enabled", enabled);
	}

	@RequiresRole(value = Role.CLIENT, operation = "invoking tools")
	@PostMapping("/api/tools/{name}/invoke")
	@Operation(summary = "Run a tool in the sandbox (client): {\"arguments\": {...}, \"agent\"?, \"session\"?, "
			+ "\"idempotency_key\"?, \"confirmed\"?}; answers status, output, duration_ms (and message, reason "
			+ "when it failed) as tool_invoke; a tool that requires confirmation needs \"confirmed\": true, "
			+ "else 409, which a client key may send only when its tenant allows it (allow_client_preconfirm), "
			+ "else 403")
	public Map<String, Object> invoke(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String name, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		Args args = new Args((body != null) ? body : Map.of());
		ToolView tool = find(principal, name);
		boolean confirmed = args.bool("confirmed", false);
		if (tool.execution().requiresConfirmation() && !this.tenantSettings.mayPreconfirm(principal)) {
			throw new AccessDeniedException("Tool '" + name + "' requires a person's confirmation, and in this "
					+ "tenant a client key cannot give it in the request: call it over MCP, where the person "
					+ "confirms it, or ask an admin to allow it (PUT /api/tenant/settings "
					+ "{\"allow_client_preconfirm\": true}).");
		}
		if (tool.execution().requiresConfirmation() && !confirmed) {
			throw new ConfirmationRequiredException("Tool '" + name + "' requires confirmation before each call, and "
					+ "REST cannot ask the person behind the client: send \"confirmed\": true once they agreed.");
		}
		String agent = AgentArgument.optional(args, null);
		InvocationRequest request = ToolCallJson.read(principal.tenant(), principal.keyId(), name, args)
			.withAgent((agent != null) ? this.agents.agent(principal.tenant(), agent).id() : null)
			.withConfirmation((ignored) -> confirmed);
		return ToolCallJson.write(this.runner.invoke(request), false);
	}

	private ToolView find(Principal principal, String name) {
		return this.registry.find(principal.tenant(), name).orElseThrow(() -> new UnknownObjectException("tool", name));
	}

	/**
	 * A tool that requires confirmation was invoked without {@code "confirmed": true}
	 * (409).
	 */
	public static class ConfirmationRequiredException extends RuntimeException {

		public ConfirmationRequiredException(String message) {
			super(message);
		}

	}

}
