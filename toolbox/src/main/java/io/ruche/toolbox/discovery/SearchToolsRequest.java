package io.ruche.toolbox.discovery;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A search of a tenant's tools by need.
 *
 * @param tenant the tenant whose catalog is searched
 * @param query the need in natural language, such as "weather forecast for a city"
 * @param limit the maximum number of hits, 1 to 100
 * @param agentId when set, each hit says whether the tool is enabled for this agent
 */
public record SearchToolsRequest(TenantId tenant, String query, int limit, @Nullable String agentId) {

	public SearchToolsRequest {
		if (query.isBlank()) {
			throw new IllegalArgumentException("query must not be blank");
		}
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("limit must be between 1 and 100, was " + limit);
		}
	}

}
