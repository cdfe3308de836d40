package io.ruche.brain.port;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Rule;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;

/**
 * Stores rules with the embedding of their condition. Only live (not soft-deleted) rules
 * are returned, except by {@link #history}. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface RuleStore {

	/**
	 * Creates or updates a rule. {@code rule.version()} is the version the caller read: 0
	 * to create.
	 * @param rule the rule
	 * @param conditionEmbedding the embedding of the rule's condition
	 * @return the stored rule, with its new version
	 * @throws io.ruche.kernel.store.StoreConflictException when the version is stale or a
	 * live rule of the agent has the same name
	 */
	Rule save(Rule rule, Embedding conditionEmbedding);

	/**
	 * Finds a live rule.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param id the rule id
	 * @return the rule, or empty when unknown or deleted
	 */
	Optional<Rule> find(TenantId tenant, String agentId, String id);

	/**
	 * Finds a live rule by its name.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param name the rule name
	 * @return the rule, or empty when no live rule has that name
	 */
	Optional<Rule> findByName(TenantId tenant, String agentId, String name);

	/**
	 * Lists an agent's live rules by priority (highest first), then name.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param request the page wanted
	 * @return one page of rules
	 */
	Page<Rule> list(TenantId tenant, String agentId, PageRequest request);

	/**
	 * Ranks an agent's live rules by cosine similarity of their condition to
	 * {@code query}.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param query the query embedding
	 * @param limit the maximum number of results
	 * @return the best rules, highest score first
	 */
	List<Scored<Rule>> search(TenantId tenant, String agentId, Embedding query, int limit);

	/**
	 * Returns every live rule of an agent with its condition embedding, for in-process
	 * retrieval.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the rules and embeddings, in no particular order
	 */
	List<EmbeddedRule> embedded(TenantId tenant, String agentId);

	/**
	 * Soft-deletes a rule: it disappears from lookups but stays in {@link #history}.
	 * Idempotent.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param id the rule id
	 * @return true when a live rule was deleted
	 */
	boolean delete(TenantId tenant, String agentId, String id);

	/**
	 * Returns every stored version of a rule, oldest first, the deleted one included.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param id the rule id
	 * @return the versions; empty when unknown
	 */
	List<Rule> history(TenantId tenant, String agentId, String id);

	/**
	 * A rule with the embedding of its condition.
	 *
	 * @param rule the rule
	 * @param embedding the condition embedding
	 */
	record EmbeddedRule(Rule rule, Embedding embedding) {
	}

}
