package io.ruche.toolbox.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.toolbox.egress.EgressRefusedException;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.egress.TargetUrls;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.UpstreamTools.UpstreamTool;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.RegistryDependencies;
import io.ruche.toolbox.registry.ToolView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports (and re-imports) the tools of an upstream MCP server; also saves and removes.
 */
final class UpstreamImporter {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamImporter.class);

	private final RegistryDependencies ports;

	private final RegistrationValidator validator;

	private final Clock clock;

	UpstreamImporter(RegistryDependencies ports, RegistrationValidator validator, Clock clock) {
		this.ports = ports;
		this.validator = validator;
		this.clock = clock;
	}

	RegistrationResult importServer(ToolDefinition server, Map<String, String> headers) {
		List<UpstreamTool> upstream;
		try (EgressRoute route = this.ports.egress().open(server.tenant(), server.target())) {
			upstream = this.ports.upstream().list(route, headers);
		}
		catch (EgressRefusedException | ToolTransportException ex) {
			return new RegistrationResult.Refused(
					List.of("cannot list the tools of " + TargetUrls.redact(server.target()) + ": " + ex.getMessage()));
		}
		List<ToolDefinition> imported = new ArrayList<>();
		for (UpstreamTool tool : upstream) {
			ToolDefinition definition = toDefinition(server, tool);
			if (definition != null) {
				imported.add(definition);
			}
		}
		Map<String, ToolDefinition> previous = importedFrom(server.tenant(), server.name()).stream()
			.collect(Collectors.toMap(ToolDefinition::name, (tool) -> tool));
		List<ToolView> saved = new ArrayList<>();
		ToolDefinition storedServer = this.ports.catalog()
			.find(server.tenant(), server.name())
			.filter((stored) -> unchanged(server, stored))
			.orElseGet(() -> save(server));
		saved.add(ToolView.of(storedServer));
		List<ToolDefinition> changed = imported.stream()
			.filter((tool) -> !unchanged(tool, previous.get(tool.name())))
			.toList();
		// the local model refuses an empty batch
		List<Embedding> embeddings = changed.isEmpty() ? List.of()
				: this.ports.embeddings().embedAll(changed.stream().map(this::text).toList());
		Map<String, ToolDefinition> written = new HashMap<>();
		for (int i = 0; i < changed.size(); i++) {
			written.put(changed.get(i).name(), save(changed.get(i), embeddings.get(i)));
		}
		for (ToolDefinition tool : imported) {
			// an imported tool was either written now or unchanged since the previous
			// import
			saved
				.add(ToolView.of(Objects.requireNonNull(written.getOrDefault(tool.name(), previous.get(tool.name())))));
		}
		Set<String> kept = imported.stream().map(ToolDefinition::name).collect(Collectors.toSet());
		List<String> removed = new ArrayList<>();
		for (ToolDefinition gone : previous.values()) {
			if (!kept.contains(gone.name())) {
				remove(gone);
				removed.add(gone.name());
			}
		}
		return new RegistrationResult.Registered(saved, removed);
	}

	List<ToolDefinition> importedFrom(TenantId tenant, String serverName) {
		return this.ports.catalog().list(tenant).stream().filter((tool) -> serverName.equals(tool.source())).toList();
	}

	ToolDefinition save(ToolDefinition tool) {
		return save(tool, this.ports.embeddings().embed(text(tool)));
	}

	void remove(ToolDefinition tool) {
		if (this.ports.catalog().remove(tool.tenant(), tool.name())) {
			publish(tool);
		}
	}

	private ToolDefinition save(ToolDefinition tool, Embedding embedding) {
		ToolDefinition saved = this.ports.catalog().save(tool, embedding);
		publish(saved);
		return saved;
	}

	private void publish(ToolDefinition tool) {
		this.ports.broadcast().publish(new ConfigurationChanged(tool.tenant(), "*", "tool", tool.name()));
	}

	// An import that changes nothing writes nothing: no new version, no change broadcast,
	// so repeated or concurrent re-syncs of an unchanged server are free and silent.
	private static boolean unchanged(ToolDefinition next, @Nullable ToolDefinition stored) {
		return stored != null && stored.equals(new ToolDefinition(next.tenant(), next.name(), next.description(),
				next.inputSchema(), next.outputSchema(), next.kind(), next.target(), next.execution(), next.secrets(),
				next.annotations(), next.source(), stored.version(), stored.updatedAt()));
	}

	private String text(ToolDefinition tool) {
		return tool.name() + ": " + tool.description();
	}

	private @Nullable ToolDefinition toDefinition(ToolDefinition server, UpstreamTool tool) {
		String name = server.name() + "." + tool.name().replaceAll("[^A-Za-z0-9_.-]", "_");
		List<String> problems = new ArrayList<>();
		if (!RegistrationValidator.TOOL_NAME.matcher(name).matches()) {
			problems.add("name '" + name + "' is longer than 128 characters");
		}
		this.validator.checkObjectSchema("input_schema", tool.inputSchema(), problems);
		if (tool.outputSchema() != null) {
			this.validator.checkObjectSchema("output_schema", tool.outputSchema(), problems);
		}
		if (!problems.isEmpty()) {
			// one broken upstream tool must not block the others
			logger.warn("Skipping upstream tool {} of {}: {}", tool.name(), TargetUrls.redact(server.target()),
					problems);
			return null;
		}
		String description = tool.description().isBlank()
				? "Tool " + tool.name() + " of the MCP server " + server.name() : tool.description();
		Map<String, Object> annotations = new LinkedHashMap<>(tool.annotations());
		annotations.put(ImportedTools.UPSTREAM_NAME, tool.name());
		ExecutionPolicy execution = new ExecutionPolicy(server.execution().timeoutMs(),
				sideEffect(tool.annotations(), server.execution().sideEffect()),
				server.execution().requiresConfirmation());
		return new ToolDefinition(server.tenant(), name, description, tool.inputSchema(), tool.outputSchema(),
				server.kind(), server.target(), execution, new HashMap<>(server.secrets()), annotations, server.name(),
				0, Instant.now(this.clock));
	}

	// MCP hints may only relax the registration's declared side effect towards retry-safe
	private static SideEffect sideEffect(Map<String, Object> annotations, SideEffect declared) {
		if (Boolean.TRUE.equals(annotations.get("readOnlyHint"))) {
			return SideEffect.PURE;
		}
		if (Boolean.TRUE.equals(annotations.get("idempotentHint")) && declared == SideEffect.IRREVERSIBLE) {
			return SideEffect.IDEMPOTENT;
		}
		return declared;
	}

}
