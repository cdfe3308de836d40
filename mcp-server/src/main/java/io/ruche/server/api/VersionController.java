package io.ruche.server.api;

import java.util.HashMap;
import java.util.Map;

import io.ruche.brain.configuration.AgentVersions;
import io.ruche.brain.model.AgentVersion;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.VersionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of an agent's configuration, the trail of its changes: who published what
 * and when, the diff between two versions, and the rollback to an earlier one. The same
 * {@link AgentVersions} as {@code agent_versions}, {@code agent_diff} and
 * {@code agent_rollback}.
 */
@RestController
@RequestMapping("/api/agents/{agent}")
@Tag(name = "Versions", description = "Published versions of an agent's configuration, diffs and rollback")
public class VersionController {

	private final AgentVersions versions;

	public VersionController(AgentVersions versions) {
		this.versions = versions;
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading versions")
	@GetMapping("/versions")
	@Operation(summary = "The agent's versions, newest first (viewer): number, author (key id), time, summary; "
			+ "paginated")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		Page<AgentVersion> page = this.versions.list(principal.tenant(), agent, Http.page(limit, cursor));
		return Http.pageBody(page, VersionJson::write);
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading versions")
	@GetMapping("/versions/{number}")
	@Operation(summary = "One version with its document, as agent_export writes it (viewer)")
	public Map<String, Object> version(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable long number) {
		return VersionJson.writeWithDocument(this.versions.version(principal.tenant(), agent, positive(number)));
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading versions")
	@GetMapping("/diff")
	@Operation(summary = "What changed from one version to another (viewer): rules, scenarios and tools added, "
			+ "changed or removed, field by field")
	public Map<String, Object> diff(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @RequestParam long from, @RequestParam long to) {
		return VersionJson.write(this.versions.diff(principal.tenant(), agent, positive(from), positive(to)));
	}

	@RequiresRole(value = Role.BUILDER, operation = "rolling back")
	@PostMapping("/versions/{number}/rollback")
	@Operation(summary = "Publish an earlier version again, as a new version (builder). With If-Match: the latest "
			+ "version as read; 412 when another change was published since")
	public Map<String, Object> rollback(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String agent, @PathVariable long number,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		Long latest = this.versions.list(principal.tenant(), agent, PageRequest.first(1))
			.items()
			.stream()
			.findFirst()
			.map(AgentVersion::number)
			.orElse(null);
		return Http.conditionally(new HashMap<>(), ifMatch, latest, () -> VersionJson
			.write(this.versions.rollback(principal.tenant(), principal.actor(), agent, positive(number))));
	}

	private static long positive(long number) {
		if (number < 1) {
			throw new InvalidArgumentsException("a version number is 1 or more, not " + number);
		}
		return number;
	}

}
