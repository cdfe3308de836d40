package io.ruche.toolbox.port;

import java.util.List;
import java.util.Optional;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolDefinition;

/**
 * Stores a tenant's tool definitions with the embedding of their name and description.
 * Failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ToolCatalogStore {

	/**
	 * Creates or replaces a tool by name; the stored version is one more than the
	 * previous one.
	 * @param tool the tool
	 * @param embedding the embedding of its name and description
	 * @return the stored tool
	 */
	ToolDefinition save(ToolDefinition tool, Embedding embedding);

	/**
	 * Finds a tool.
	 * @param tenant the tenant
	 * @param name the tool name
	 * @return the tool, or empty
	 */
	Optional<ToolDefinition> find(TenantId tenant, String name);

	/**
	 * Lists a tenant's tools by name.
	 * @param tenant the tenant
	 * @return the tools, never null
	 */
	List<ToolDefinition> list(TenantId tenant);

	/**
	 * Ranks a tenant's tools by cosine similarity to {@code query}.
	 * @param tenant the tenant
	 * @param query the query embedding
	 * @param limit the maximum number of results
	 * @return the best tools, highest score first
	 */
	List<Scored<ToolDefinition>> search(TenantId tenant, Embedding query, int limit);

	/**
	 * Ranks a tenant's tools by cosine similarity to {@code query}, returning their names
	 * only, for callers that already hold the definitions (the search's lexical index):
	 * it saves reading and parsing them.
	 * @param tenant the tenant
	 * @param query the query embedding
	 * @param limit the maximum number of results
	 * @return the best tool names, highest score first, as {@link #search} would rank
	 * them
	 */
	List<Scored<String>> searchNames(TenantId tenant, Embedding query, int limit);

	/**
	 * Removes a tool (and nothing else). Idempotent.
	 * @param tenant the tenant
	 * @param name the tool name
	 * @return true when a tool was removed
	 */
	boolean remove(TenantId tenant, String name);

}
