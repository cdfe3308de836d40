package io.ruche.toolbox;

import java.util.List;

import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.discovery.SearchWeights;
import io.ruche.toolbox.discovery.ToolHit;
import io.ruche.toolbox.discovery.internal.DefaultToolSearch;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.registry.ActivationPolicy;

/**
 * Finds a tenant's callable tools by need, ranking them by words and by meaning. Store
 * failures surface as {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ToolSearch {

	/**
	 * Searches one tenant's catalog (never another's); MCP server registrations are not
	 * hits, their imported tools are.
	 * @param request the search
	 * @return at most {@code limit} hits, best first, never null
	 */
	List<ToolHit> search(SearchToolsRequest request);

	/**
	 * Creates the search; it subscribes to {@code tool} changes to refresh its lexical
	 * index.
	 * @param catalog the catalogs (semantic ranking uses {@link ToolCatalogStore#search})
	 * @param activations per-agent activations
	 * @param embeddings embeds the query
	 * @param broadcast tells of catalog changes
	 * @param weights how rankings combine
	 * @param activation whether tools without activation are enabled
	 * @return the search, thread-safe
	 */
	static ToolSearch create(ToolCatalogStore catalog, ToolActivationStore activations, EmbeddingModel embeddings,
			ChangeBroadcast broadcast, SearchWeights weights, ActivationPolicy activation) {
		return new DefaultToolSearch(catalog, activations, embeddings, broadcast, weights, activation);
	}

}
