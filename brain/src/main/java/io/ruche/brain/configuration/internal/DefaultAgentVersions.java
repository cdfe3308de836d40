package io.ruche.brain.configuration.internal;

import java.util.Map;
import java.util.Optional;

import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.AgentVersions;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

/**
 * Reads, compares and restores the versions that {@link DefaultAgentConfiguration}
 * records with every change.
 */
final class DefaultAgentVersions implements AgentVersions {

	private final DefaultAgentConfiguration configuration;

	private final AgentVersionStore versions;

	private final AgentDocumentFormat format;

	DefaultAgentVersions(DefaultAgentConfiguration configuration, AgentVersionStore versions,
			AgentDocumentFormat format) {
		this.configuration = configuration;
		this.versions = versions;
		this.format = format;
	}

	@Override
	public Page<AgentVersion> list(TenantId tenant, String agentRef, PageRequest page) {
		return this.versions.list(tenant, this.configuration.agent(tenant, agentRef).id(), page);
	}

	@Override
	public AgentVersion version(TenantId tenant, String agentRef, long number) {
		return find(tenant, this.configuration.agent(tenant, agentRef), number);
	}

	private AgentVersion find(TenantId tenant, Agent agent, long number) {
		return this.versions.find(tenant, agent.id(), number)
			.orElseThrow(() -> new UnknownObjectException("version", agent.name() + "@" + number));
	}

	@Override
	public AgentDiff diff(TenantId tenant, String agentRef, long from, long to) {
		Agent agent = this.configuration.agent(tenant, agentRef);
		Map<String, Object> before = this.format.tree(this.format.read(find(tenant, agent, from).document()));
		Map<String, Object> after = this.format.tree(this.format.read(find(tenant, agent, to).document()));
		return DocumentDiff.between(from, to, before, after);
	}

	@Override
	public AgentVersion rollback(TenantId tenant, Actor actor, String agentRef, long number) {
		return this.configuration.publishing(tenant, (announced) -> {
			Agent agent = this.configuration.agent(tenant, agentRef);
			AgentVersion restored = find(tenant, agent, number);
			this.configuration.importer()
				.importSnapshot(announced, tenant, actor, this.format.read(restored.document()), Optional.of(agent),
						"agent.rollback", Map.of("restored_version", String.valueOf(number)));
			return this.versions.latest(tenant, agent.id()).orElseThrow();
		});
	}

	@Override
	public AgentVersion toolsChanged(TenantId tenant, Actor actor, String agentRef, String summary) {
		return this.configuration.transactions().atomically(tenant, () -> {
			Agent agent = this.configuration.agent(tenant, agentRef);
			return this.configuration.audited(tenant, actor, "agent.tools", agent.id(), agent.id(), Map.of(), summary);
		});
	}

}
