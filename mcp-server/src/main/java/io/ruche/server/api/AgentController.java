package io.ruche.server.api;

import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.AgentDocuments;
import io.ruche.server.wire.AgentJson;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Agents: list, create, read, update (with {@code If-Match}), delete, export and import
 * as YAML. The same {@link AgentConfiguration} as the MCP tools does the work and the
 * validation.
 */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Agents", description = "Agents, their persona and settings; export and import as YAML")
public class AgentController {

	static final String YAML = "application/yaml";

	private final AgentConfiguration configuration;

	private final AgentDocuments documents;

	public AgentController(AgentConfiguration configuration, AgentDocuments documents) {
		this.configuration = configuration;
		this.documents = documents;
	}

	@RequiresRole(value = Role.VIEWER, operation = "listing agents")
	@GetMapping
	@Operation(summary = "List the agents of the caller's tenant (viewer)")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		List<Agent> agents = this.configuration.listAgents(principal.tenant());
		return Http.pageBody(Page.slice(agents, Http.page(limit, cursor)), AgentJson::write);
	}

	@RequiresRole(value = Role.BUILDER, operation = "creating agents")
	@PostMapping
	@Operation(summary = "Create an agent (builder): name, description, persona, settings")
	public ResponseEntity<Map<String, Object>> create(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		Args args = new Args(body);
		String name = args.string("name");
		if (exists(principal, name)) {
			throw new StoreConflictException(
					"an agent named '" + name + "' already exists; update it with PUT /api/agents/" + name);
		}
		Agent agent = this.configuration.upsertAgent(principal.tenant(), principal.actor(), AgentJson.read(args));
		return Http.created(
				ServletUriComponentsBuilder.fromCurrentRequest().path("/{name}").buildAndExpand(agent.name()).toUri(),
				AgentJson.write(agent), agent.version());
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading agents")
	@GetMapping("/{agent}")
	@Operation(summary = "Read an agent by name or id (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent) {
		Agent found = this.configuration.agent(principal.tenant(), agent);
		return Http.versioned(AgentJson.write(found), found.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "updating agents")
	@PutMapping("/{agent}")
	@Operation(
			summary = "Create or update an agent (builder); send If-Match with the ETag read to refuse a concurrent edit")
	public ResponseEntity<Map<String, Object>> put(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		Agent current = find(principal, agent);
		String name = (current != null) ? current.name() : agent;
		Object given = values.get("name");
		if (given != null && !name.equals(given)) {
			throw new InvalidArgumentsException("the body names agent '" + given + "' but the path names '" + name
					+ "'; renaming an agent is not supported");
		}
		values.put("name", name);
		Agent stored = Http.conditionally(values, ifMatch, (current != null) ? current.version() : null,
				() -> this.configuration.upsertAgent(principal.tenant(), principal.actor(),
						AgentJson.read(new Args(values))));
		return Http.versioned(AgentJson.write(stored), stored.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "deleting agents")
	@DeleteMapping("/{agent}")
	@Operation(summary = "Delete an agent with its rules, scenarios and tool activations (builder); its versions, "
			+ "sessions and audit records stay, and its name is free again")
	public ResponseEntity<Void> delete(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent) {
		this.configuration.deleteAgent(principal.tenant(), principal.actor(), agent);
		return ResponseEntity.noContent().build();
	}

	@RequiresRole(value = Role.VIEWER, operation = "exporting agents")
	@GetMapping(path = "/{agent}/export", produces = { YAML, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Export an agent as one YAML document (viewer), the same document as agent_export")
	public ResponseEntity<String> export(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent) {
		String document = this.documents.write(this.configuration.export(principal.tenant(), agent));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(YAML + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + agent.replaceAll("[^\\w.-]", "_") + ".yaml\"")
			.body(document);
	}

	@RequiresRole(value = Role.BUILDER, operation = "importing agents")
	@PostMapping(path = "/import", consumes = { YAML, "text/yaml", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Create or update the agent a YAML document describes (builder); validates everything first")
	public Map<String, Object> importYaml(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody String document) {
		return AgentJson.write(
				this.configuration.importAgent(principal.tenant(), principal.actor(), this.documents.read(document)));
	}

	@RequiresRole(value = Role.BUILDER, operation = "importing agents")
	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Import, with the YAML text in {\"document\": ...} (builder)")
	public Map<String, Object> importJson(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		return importYaml(principal, new Args(body).string("document"));
	}

	private boolean exists(Principal principal, String agent) {
		return find(principal, agent) != null;
	}

	private @Nullable Agent find(Principal principal, String agent) {
		try {
			return this.configuration.agent(principal.tenant(), agent);
		}
		catch (UnknownObjectException ex) {
			return null;
		}
	}

}
