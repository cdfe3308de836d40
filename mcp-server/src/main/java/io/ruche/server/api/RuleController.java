package io.ruche.server.api;

import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.model.Rule;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Scored;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.RuleJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
 * An agent's rules: search (by priority, or ranked by meaning), create, read, update
 * (with {@code If-Match}), patch, soft delete, and version history. The JSON shape is the
 * one of {@code rule_upsert}.
 */
@RestController
@RequestMapping("/api/agents/{agent}/rules")
@Tag(name = "Rules", description = "An agent's rules; the body is the rule of rule_upsert")
public class RuleController {

	private final AgentConfiguration configuration;

	public RuleController(AgentConfiguration configuration) {
		this.configuration = configuration;
	}

	@RequiresRole(value = Role.VIEWER, operation = "searching rules")
	@GetMapping
	@Operation(summary = "List rules by priority, or ranked by meaning with q (viewer); paginated")
	public Map<String, Object> search(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent,
			@Parameter(description = "Text to rank the rules by") @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		boolean ranked = q != null && !q.isBlank();
		Page<Scored<Rule>> page = this.configuration.searchRules(principal.tenant(), agent, ranked ? q : null,
				Http.page(limit, cursor));
		return Http.pageBody(page, (scored) -> RuleJson.write(scored, ranked));
	}

	@RequiresRole(value = Role.BUILDER, operation = "creating rules")
	@PostMapping
	@Operation(summary = "Create a rule (builder); invalid CEL constraints are refused with the parser's message")
	public ResponseEntity<Map<String, Object>> create(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@RequestBody Map<String, Object> body) {
		Map<String, Object> values = Http.mutable(body);
		values.remove("id");
		values.remove("version");
		Rule rule = this.configuration.upsertRule(principal.tenant(), principal.actor(), agent,
				RuleJson.read(new Args(values)));
		return Http.created(
				ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(rule.id()).toUri(),
				RuleJson.write(rule), rule.version());
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading rules")
	@GetMapping("/{id}")
	@Operation(summary = "Read a rule (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String id) {
		Rule rule = this.configuration.rule(principal.tenant(), agent, id);
		return Http.versioned(RuleJson.write(rule), rule.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "updating rules")
	@PutMapping("/{id}")
	@Operation(summary = "Replace a rule (builder); send If-Match with the ETag read")
	public ResponseEntity<Map<String, Object>> put(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody Map<String, Object> body) {
		Rule current = this.configuration.rule(principal.tenant(), agent, id);
		Map<String, Object> values = Http.mutable(body);
		return write(principal, agent, current, values, ifMatch);
	}

	@RequiresRole(value = Role.BUILDER, operation = "updating rules")
	@PatchMapping("/{id}")
	@Operation(summary = "Change some fields of a rule, such as {\"enabled\": false} (builder); If-Match accepted")
	public ResponseEntity<Map<String, Object>> patch(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String agent,
			@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody Map<String, Object> body) {
		Rule current = this.configuration.rule(principal.tenant(), agent, id);
		Map<String, Object> values = RuleJson.write(current);
		values.remove("version");
		values.remove("updated_at");
		values.putAll(body);
		values.remove("version");
		return write(principal, agent, current, values, ifMatch);
	}

	private ResponseEntity<Map<String, Object>> write(Principal principal, String agent, Rule current,
			Map<String, Object> values, @Nullable String ifMatch) {
		values.put("id", current.id());
		Rule stored = Http.conditionally(values, ifMatch, current.version(), () -> this.configuration
			.upsertRule(principal.tenant(), principal.actor(), agent, RuleJson.read(new Args(values))));
		return Http.versioned(RuleJson.write(stored), stored.version());
	}

	@RequiresRole(value = Role.BUILDER, operation = "deleting rules")
	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a rule (builder); soft delete, its history stays for audit")
	public ResponseEntity<Void> delete(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String id) {
		return this.configuration.deleteRule(principal.tenant(), principal.actor(), agent, id)
				? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading rule history")
	@GetMapping("/{id}/history")
	@Operation(summary = "Every stored version of a rule, oldest first (viewer)")
	public Map<String, Object> history(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable String id) {
		List<Map<String, Object>> versions = this.configuration.ruleHistory(principal.tenant(), agent, id)
			.stream()
			.map(RuleJson::writeVersion)
			.toList();
		return Http.pageBody(versions, null);
	}

}
