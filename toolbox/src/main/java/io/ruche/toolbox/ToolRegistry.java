package io.ruche.toolbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.RegistryDependencies;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.registry.internal.DefaultToolRegistry;

/**
 * Registers a tenant's tools and enables them per agent. Three tiers: the tenant's
 * catalog, then the tools enabled for each agent. Store failures surface as
 * {@link io.ruche.kernel.store.StoreException}s; upstream failures during an MCP import
 * as a {@link RegistrationResult.Refused}. Every change is audited with its {@link Actor}
 * once written ({@code tool.register}, {@code tool.resync}, {@code tool.enable},
 * {@code tool.disable}, {@code tool.remove}); a failure to write that record is thrown as
 * a {@link io.ruche.kernel.store.StoreException}.
 */
public interface ToolRegistry {

	/**
	 * Validates and saves a tool (replacing one of the same name); for {@code kind: mcp},
	 * imports every tool of the upstream server under {@code <name>.<tool>}. Publishes a
	 * {@code tool} change.
	 * @param request the registration, must not be null
	 * @return the saved tools, or the problems found (then nothing was saved)
	 */
	RegistrationResult register(RegisterToolRequest request);

	/**
	 * Imports the tools of a registered MCP server again: new and changed tools are
	 * saved, vanished ones removed, unchanged ones left as they are (an unchanged server
	 * writes nothing). Imports of one server never interleave, across instances either.
	 * @param tenant the tenant
	 * @param serverName the name of the {@code kind: mcp} registration
	 * @param actor who asked, for the audit
	 * @return the saved tools, or why not
	 */
	RegistrationResult resync(TenantId tenant, String serverName, Actor actor);

	/**
	 * Enables or disables a tool for an agent; for an MCP server registration, every tool
	 * imported from it. Idempotent.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param toolName the tool
	 * @param enabled whether the agent may use it
	 * @param actor who enables it, for the audit
	 * @return false when the tool does not exist (nothing changed)
	 */
	boolean enable(TenantId tenant, String agentId, String toolName, boolean enabled, Actor actor);

	/**
	 * Finds a tool.
	 * @param tenant the tenant
	 * @param name the tool name
	 * @return its redacted view, or empty
	 */
	Optional<ToolView> find(TenantId tenant, String name);

	/**
	 * Lists the tenant's catalog by name (MCP server registrations included).
	 * @param tenant the tenant
	 * @return the views, never null
	 */
	List<ToolView> list(TenantId tenant);

	/**
	 * Lists the callable tools enabled for an agent, by name.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the views, never null
	 */
	List<ToolView> listEnabled(TenantId tenant, String agentId);

	/**
	 * Removes a tool, or an MCP server registration with its imported tools. Idempotent.
	 * @param tenant the tenant
	 * @param name the tool name
	 * @param actor who removes it, for the audit
	 * @return true when something was removed
	 */
	boolean remove(TenantId tenant, String name, Actor actor);

	/**
	 * Creates the registry.
	 * @param dependencies the ports it uses
	 * @param activation whether tools are usable by agents without an activation
	 * @return the registry, thread-safe
	 */
	static ToolRegistry create(RegistryDependencies dependencies, ActivationPolicy activation) {
		return new DefaultToolRegistry(dependencies, activation, Clock.systemUTC());
	}

}
