package io.ruche.toolbox.discovery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.discovery.ScoreBreakdown;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.discovery.SearchWeights;
import io.ruche.toolbox.discovery.ToolHit;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.ImportedTools;
import org.jspecify.annotations.Nullable;

/** Hybrid search: BM25 over a cached per-tenant index plus the store's vector search. */
public final class DefaultToolSearch implements ToolSearch {

	// about 1.6 MB of 384-dimension embeddings
	private static final int RECENT_QUERIES = 1024;

	private final ToolCatalogStore catalog;

	private final ToolActivationStore activations;

	private final SearchWeights weights;

	private final ActivationPolicy activation;

	private final QueryEmbeddings queryEmbeddings;

	private final Map<TenantId, CachedIndex> indexes = new ConcurrentHashMap<>();

	private final Map<TenantId, Boolean> rebuilding = new ConcurrentHashMap<>();

	private final Map<TenantId, AtomicLong> generations = new ConcurrentHashMap<>();

	public DefaultToolSearch(ToolCatalogStore catalog, ToolActivationStore activations, EmbeddingModel embeddings,
			ChangeBroadcast broadcast, SearchWeights weights, ActivationPolicy activation) {
		this.catalog = catalog;
		this.activations = activations;
		this.queryEmbeddings = new QueryEmbeddings(embeddings, RECENT_QUERIES);
		this.weights = weights;
		this.activation = activation;
		broadcast.subscribe((change) -> {
			if ("tool".equals(change.kind())) {
				synchronized (this) {
					generation(change.tenant()).incrementAndGet();
					this.indexes.remove(change.tenant());
				}
			}
		});
	}

	@Override
	public List<ToolHit> search(SearchToolsRequest request) {
		int pool = Math.max(this.weights.candidatePool(), request.limit());
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		LexicalIndex index = index(request.tenant());
		for (Scored<ToolDefinition> hit : index.search(request.query(), pool)) {
			candidates.computeIfAbsent(hit.item().name(), (name) -> new Candidate(hit.item())).lexical = hit.score();
		}
		// Names only: the index holds the definitions, so the store does not read and
		// parse them again.
		for (Scored<String> hit : this.catalog.searchNames(request.tenant(),
				this.queryEmbeddings.embed(request.query()), pool)) {
			ToolDefinition tool = definition(request.tenant(), index, hit.item());
			if (tool != null && !ImportedTools.isServerRegistration(tool)) {
				candidates.computeIfAbsent(tool.name(), (name) -> new Candidate(tool)).semantic = Math.max(0,
						Math.min(1, hit.score()));
			}
		}
		double bestLexical = candidates.values().stream().mapToDouble((c) -> c.lexical).max().orElse(0);
		List<ToolActivation> agentActivations = (request.agentId() != null)
				? this.activations.list(request.tenant(), request.agentId()) : List.of();
		List<ToolHit> hits = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			double lexical = (bestLexical > 0) ? candidate.lexical / bestLexical : 0;
			double combined = this.weights.lexical() * lexical + this.weights.semantic() * candidate.semantic;
			Boolean enabled = (request.agentId() != null)
					? this.activation.isEnabled(agentActivations, candidate.tool.name()) : null;
			hits.add(new ToolHit(candidate.tool.name(), candidate.tool.description(), candidate.tool.inputSchema(),
					new ScoreBreakdown(lexical, candidate.semantic, combined), enabled));
		}
		hits.sort(Comparator.comparingDouble((ToolHit hit) -> hit.score().combined())
			.reversed()
			.thenComparing(ToolHit::name));
		return (hits.size() > request.limit()) ? List.copyOf(hits.subList(0, request.limit())) : List.copyOf(hits);
	}

	private @Nullable ToolDefinition definition(TenantId tenant, LexicalIndex index, String name) {
		ToolDefinition indexed = index.tool(name);
		return (indexed != null) ? indexed : this.catalog.find(tenant, name).orElse(null);
	}

	private LexicalIndex index(TenantId tenant) {
		CachedIndex cached = this.indexes.get(tenant);
		if (cached == null) {
			return rebuild(tenant).index;
		}
		if (cached.builtAt.plus(this.weights.indexTtl()).isBefore(Instant.now())
				&& this.rebuilding.putIfAbsent(tenant, Boolean.TRUE) == null) {
			// Changes are broadcast and drop the index at once; the TTL is a safety net,
			// so an expired index keeps
			// serving while one background rebuild runs, instead of a request paying for
			// it.
			CompletableFuture.runAsync(() -> rebuild(tenant))
				.whenComplete((done, failure) -> this.rebuilding.remove(tenant));
		}
		return cached.index;
	}

	private CachedIndex rebuild(TenantId tenant) {
		long generation = generation(tenant).get();
		List<ToolDefinition> callable = this.catalog.list(tenant)
			.stream()
			.filter((tool) -> !ImportedTools.isServerRegistration(tool))
			.toList();
		CachedIndex built = new CachedIndex(new LexicalIndex(callable), Instant.now());
		// A change that arrived while the catalog was read makes this index stale: use it
		// once, do not keep it.
		synchronized (this) {
			if (generation(tenant).get() == generation) {
				this.indexes.put(tenant, built);
			}
		}
		return built;
	}

	private AtomicLong generation(TenantId tenant) {
		return this.generations.computeIfAbsent(tenant, (t) -> new AtomicLong());
	}

	private record CachedIndex(LexicalIndex index, Instant builtAt) {
	}

	private static final class Candidate {

		private final ToolDefinition tool;

		private double lexical;

		private double semantic;

		Candidate(ToolDefinition tool) {
			this.tool = tool;
		}

	}

}
