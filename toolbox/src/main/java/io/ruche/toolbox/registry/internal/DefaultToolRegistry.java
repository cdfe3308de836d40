package io.ruche.toolbox.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.RegistrationResult.Refused;
import io.ruche.toolbox.registry.RegistryDependencies;
import io.ruche.toolbox.registry.ToolView;

/**
 * The registry: validates, encrypts secrets, embeds and saves, then broadcasts and
 * audits.
 */
public final class DefaultToolRegistry implements ToolRegistry {

	private static final Duration IMPORT_LOCK_WAIT = Duration.ofSeconds(30);

	private final RegistryDependencies ports;

	private final ActivationPolicy activation;

	private final Clock clock;

	private final RegistrationValidator validator;

	private final UpstreamImporter importer;

	public DefaultToolRegistry(RegistryDependencies ports, ActivationPolicy activation, Clock clock) {
		this.ports = ports;
		this.activation = activation;
		this.clock = clock;
		this.validator = new RegistrationValidator(ports.schemas(), ports.builtins());
		this.importer = new UpstreamImporter(ports, this.validator, clock);
	}

	@Override
	public RegistrationResult register(RegisterToolRequest request) {
		List<String> problems = this.validator.validate(request);
		if (!problems.isEmpty()) {
			return new Refused(problems);
		}
		ToolDefinition definition = new ToolDefinition(request.tenant(), request.name(), request.description(),
				(request.endpoint().kind() == ToolKind.MCP) ? Map.of("type", "object") : request.inputSchema(),
				request.outputSchema(), request.endpoint().kind(), request.endpoint().target(), request.execution(),
				encrypt(request), Map.of(), null, 0, Instant.now(this.clock));
		RegistrationResult result = (definition.kind() == ToolKind.MCP)
				? importServer(definition, request.endpoint().secretHeaders())
				: new RegistrationResult.Registered(List.of(ToolView.of(this.importer.save(definition))), List.of());
		audited(result, request.tenant(), request.actor(), "tool.register", request.name(),
				Map.of("kind", definition.kind().wireName()));
		return result;
	}

	@Override
	public RegistrationResult resync(TenantId tenant, String serverName, Actor actor) {
		Optional<ToolDefinition> server = this.ports.catalog()
			.find(tenant, serverName)
			.filter(ImportedTools::isServerRegistration);
		if (server.isEmpty()) {
			return new Refused(List.of("'" + serverName + "' is not a registered MCP server"));
		}
		RegistrationResult result = importServer(server.get(),
				this.ports.cipher().decryptAll(tenant, server.get().secrets()));
		audited(result, tenant, actor, "tool.resync", serverName, Map.of());
		return result;
	}

	// The target is left out of the details: it is the tenant's, and may name private
	// hosts.
	private void audited(RegistrationResult result, TenantId tenant, Actor actor, String action, String name,
			Map<String, String> details) {
		if (result instanceof RegistrationResult.Registered registered) {
			Map<String, String> facts = new LinkedHashMap<>(details);
			facts.put("tools", String.valueOf(registered.tools().size()));
			facts.put("removed", String.valueOf(registered.removed().size()));
			audit(tenant, actor, action, name, facts);
		}
	}

	private void audit(TenantId tenant, Actor actor, String action, String subject, Map<String, String> details) {
		this.ports.audit().append(AuditRecord.change(tenant, actor, action, subject, details, Instant.now(this.clock)));
	}

	// Two imports of one server (a registration, tool_resync, the listeners of several
	// instances hearing one list_changed) run one after the other, never interleaved.
	private RegistrationResult importServer(ToolDefinition server, Map<String, String> headers) {
		try {
			return this.ports.locks()
				.withLock(server.tenant(), "tool-import:" + server.name(), IMPORT_LOCK_WAIT,
						() -> this.importer.importServer(server, headers));
		}
		catch (SessionBusyException ex) {
			return new Refused(List.of("another import of '" + server.name() + "' is still running; retry later"));
		}
	}

	@Override
	public boolean enable(TenantId tenant, String agentId, String toolName, boolean enabled, Actor actor) {
		Optional<ToolDefinition> tool = this.ports.catalog().find(tenant, toolName);
		if (tool.isEmpty()) {
			return false;
		}
		List<String> names = new ArrayList<>();
		if (ImportedTools.isServerRegistration(tool.get())) {
			this.importer.importedFrom(tenant, toolName).forEach((imported) -> names.add(imported.name()));
		}
		names.add(toolName);
		Instant now = Instant.now(this.clock);
		for (String name : names) {
			this.ports.activations().save(new ToolActivation(tenant, agentId, name, enabled, now));
		}
		this.ports.broadcast().publish(new ConfigurationChanged(tenant, agentId, "tool", toolName));
		audit(tenant, actor, enabled ? "tool.enable" : "tool.disable", toolName,
				Map.of("agent", agentId, "tools", String.valueOf(names.size())));
		return true;
	}

	@Override
	public Optional<ToolView> find(TenantId tenant, String name) {
		return this.ports.catalog().find(tenant, name).map(ToolView::of);
	}

	@Override
	public List<ToolView> list(TenantId tenant) {
		return this.ports.catalog().list(tenant).stream().map(ToolView::of).toList();
	}

	@Override
	public List<ToolView> listEnabled(TenantId tenant, String agentId) {
		List<ToolActivation> activations = this.ports.activations().list(tenant, agentId);
		return this.ports.catalog()
			.list(tenant)
			.stream()
			.filter((tool) -> !ImportedTools.isServerRegistration(tool))
			.filter((tool) -> this.activation.isEnabled(activations, tool.name()))
			.map(ToolView::of)
			.toList();
	}

	@Override
	public boolean remove(TenantId tenant, String name, Actor actor) {
		Optional<ToolDefinition> tool = this.ports.catalog().find(tenant, name);
		if (tool.isEmpty()) {
			return false;
		}
		List<ToolDefinition> imported = ImportedTools.isServerRegistration(tool.get())
				? this.importer.importedFrom(tenant, name) : List.of();
		imported.forEach(this.importer::remove);
		this.importer.remove(tool.get());
		audit(tenant, actor, "tool.remove", name, Map.of("tools", String.valueOf(imported.size() + 1)));
		return true;
	}

	private Map<String, String> encrypt(RegisterToolRequest request) {
		Map<String, String> encrypted = new LinkedHashMap<>();
		request.endpoint()
			.secretHeaders()
			.forEach((name, value) -> encrypted.put(name, this.ports.cipher().encrypt(request.tenant(), value)));
		return encrypted;
	}

}
