package io.ruche.brain.configuration;

import io.ruche.brain.model.AgentVersion;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

/**
 * The history of an agent's configuration: every published change is a numbered,
 * immutable version (see docs/configuration.md, Versions and rollback). Unknown agents
 * and versions throw {@link UnknownObjectException}; a publish that loses the race for
 * its number throws {@link io.ruche.kernel.store.StoreConflictException} and changes
 * nothing.
 */
public interface AgentVersions {

	/**
	 * Lists an agent's versions, newest first.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @param page the page wanted
	 * @return one page of versions
	 */
	Page<AgentVersion> list(TenantId tenant, String agentRef, PageRequest page);

	/**
	 * Reads one version.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @param number the version number
	 * @return the version, with its document
	 */
	AgentVersion version(TenantId tenant, String agentRef, long number);

	/**
	 * Compares two versions.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @param from the earlier version
	 * @param to the later version
	 * @return what changed from {@code from} to {@code to}
	 */
	AgentDiff diff(TenantId tenant, String agentRef, long from, long to);

	/**
	 * Publishes an earlier version again, as a new version, in one transaction: rules,
	 * scenarios, settings and tool activations end up as that version had them.
	 * @param tenant the tenant
	 * @param actor who rolls back, for the audit
	 * @param agentRef the agent id or name
	 * @param number the version to restore
	 * @return the new version
	 */
	AgentVersion rollback(TenantId tenant, Actor actor, String agentRef, long number);

	/**
	 * Records a new version after the agent's tool activations changed in the Toolbox,
	 * audited as {@code agent.tools} with the version and what changed.
	 * @param tenant the tenant
	 * @param actor who changed them
	 * @param agentRef the agent id or name
	 * @param summary what changed, such as {@code tool.enable weather}
	 * @return the new version
	 */
	AgentVersion toolsChanged(TenantId tenant, Actor actor, String agentRef, String summary);

}
