package io.ruche.server.api;

import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.ScenarioJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
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
 * An agent's scenarios (multi-step flows). The JSON shape is the one of
 * {@code scenario_upsert}.
 */
@RestController
@RequestMapping("/api/agents/{agent}/scenarios")
@Tag(name = "Scenarios", description = "An agent's scenarios; the body is the scenario of scenario_upsert")
public class ScenarioController {

	private final AgentConfiguration configuration;

	public ScenarioController(AgentConfiguration configuration) {
		this.configuration = configuration;
	}

	@RequiresRole(value = Role.VIEWER, operation = "listing scenarios")
	@GetMapping
	@Operation(summary = "List an agent's scenarios with their steps (viewer); paginated")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return Http.pageBody(
				Page.slice(this.configuration.listScenarios(principal.tenant(), agent), Http.page(limit, cursor)),
				ScenarioJson::write);
	}

	@RequiresRole(value = Role.BUILDER, operation = "creating scenarios")
	@PostMapping
	@Operation(summary = "Create a scenario (builder); transitions are checked (known steps, valid CEL)")
	public ResponseEntity<Map<String, Object>> create(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		values.remove("id");
		values.remove("version");
		Scenario scenario = this.configuration.upsertScenario(principal.tenant(), principal.actor(), agent,
				ScenarioJson.read(new Args(values)));
		return Http.created(
				ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(scenario.id()).toUri(),
				ScenarioJson.write(scenario), scenario.version());
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading scenarios")
	@GetMapping("/{scenario}")
	@Operation(summary = "Read a scenario by id or name (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String scenario) {
		Scenario found = this.configuration.scenario(principal.tenant(), agent, scenario);
		return Http.versioned(ScenarioJson.write(found), found.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "updating scenarios")
	@PutMapping("/{scenario}")
	@Operation(summary = "Replace a scenario (builder); send If-Match with the ETag read")
	public ResponseEntity<Map<String, Object>> put(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String scenario,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody Map<String, Object> body) {
		Scenario current = this.configuration.scenario(principal.tenant(), agent, scenario);
		Map<String, Object> values = Http.mutable(body);
		values.put("id", current.id());
		Scenario stored = Http.conditionally(values, ifMatch, current.version(), () -> this.configuration
			.upsertScenario(principal.tenant(), principal.actor(), agent, ScenarioJson.read(new Args(values))));
		return Http.versioned(ScenarioJson.write(stored), stored.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "deleting scenarios")
	@DeleteMapping("/{scenario}")
	@Operation(summary = "Delete a scenario (builder); soft delete")
	public ResponseEntity<Void> delete(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String scenario) {
		return this.configuration.deleteScenario(principal.tenant(), principal.actor(), agent, scenario)
				? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
