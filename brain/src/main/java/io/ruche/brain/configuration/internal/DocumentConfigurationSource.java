package io.ruche.brain.configuration.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import org.jspecify.annotations.Nullable;

/**
 * Drafts and published versions read from their documents, materialized and embedded once
 * per draft revision or version number (a bounded cache: embedding every condition costs
 * more than the turn).
 */
final class DocumentConfigurationSource implements ConfigurationSource {

	private static final int CACHED = 64;

	private record Key(TenantId tenant, String agentId, String version, long revision) {
	}

	private final ConfigurationDraftStore drafts;

	private final AgentVersionStore versions;

	private final AgentDocumentFormat format;

	private final DraftMaterializer materializer;

	private final EmbeddingModel embeddings;

	// Oldest first; guarded by this.
	private final Map<Key, ConfiguredAgent> cache = new LinkedHashMap<>();

	DocumentConfigurationSource(ConfigurationDraftStore drafts, AgentVersionStore versions, AgentDocumentFormat format,
			DraftMaterializer materializer, EmbeddingModel embeddings, ChangeBroadcast changes) {
		this.drafts = drafts;
		this.versions = versions;
		this.format = format;
		this.materializer = materializer;
		this.embeddings = embeddings;
		// Objects that exist live lend their ids to the materialized ones: a live change
		// drops the agent's entries.
		changes.subscribe((change) -> forget(change.tenant(), change.agentId()));
	}

	@Override
	public ConfiguredAgent configuration(Agent live, String version) {
		String document;
		long revision;
		if (DRAFT.equals(version)) {
			ConfigurationDraft draft = this.drafts.find(live.tenant(), live.id())
				.orElseThrow(() -> new UnknownObjectException("draft of agent", live.name()));
			document = draft.document();
			revision = draft.revision();
		}
		else {
			long number = Long.parseLong(version);
			document = this.versions.find(live.tenant(), live.id(), number)
				.orElseThrow(() -> new UnknownObjectException("version", live.name() + "@" + number))
				.document();
			revision = number;
		}
		Key key = new Key(live.tenant(), live.id(), version, revision);
		ConfiguredAgent cached = cached(key);
		if (cached != null) {
			return cached;
		}
		ConfiguredAgent built = build(live, document, version);
		keep(key, built);
		return built;
	}

	private synchronized @Nullable ConfiguredAgent cached(Key key) {
		return this.cache.get(key);
	}

	private synchronized void keep(Key key, ConfiguredAgent configured) {
		this.cache.put(key, configured);
		Iterator<Key> oldest = this.cache.keySet().iterator();
		while (this.cache.size() > CACHED) {
			oldest.next();
			oldest.remove();
		}
	}

	private synchronized void forget(TenantId tenant, String agentId) {
		this.cache.keySet()
			.removeIf((key) -> key.tenant().equals(tenant) && ("*".equals(agentId) || key.agentId().equals(agentId)));
	}

	private ConfiguredAgent build(Agent live, String document, String version) {
		DraftMaterializer.Materialized materialized = this.materializer.materialize(live, this.format.read(document));
		return new ConfiguredAgent(materialized.agent(),
				materialized.rules()
					.stream()
					.map((rule) -> new EmbeddedRule(rule, this.embeddings.embed(rule.content().condition())))
					.toList(),
				materialized.scenarios()
					.stream()
					.map((scenario) -> new EmbeddedScenario(scenario,
							ScenarioEmbedder.embed(scenario, this.embeddings)))
					.toList(),
				materialized.document().tools(), version);
	}

}
