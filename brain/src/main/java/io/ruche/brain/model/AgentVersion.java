package io.ruche.brain.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;

/**
 * One published state of an agent's whole configuration, never changed once written.
 *
 * @param tenant the tenant
 * @param agentId the agent
 * @param number 1 for the first published state, then one more for each change
 * @param author the id of the key (or {@code system}) that published it
 * @param summary what changed, in a few words (for example {@code rule.upsert refunds})
 * @param createdAt when it was published
 * @param document the configuration as the agent's export document
 */
public record AgentVersion(TenantId tenant, String agentId, long number, String author, String summary,
		Instant createdAt, String document) {

	/** The longest summary kept. */
	public static final int MAX_SUMMARY = 500;

	public AgentVersion {
		if (number < 1) {
			throw new IllegalArgumentException("version numbers start at 1, not " + number);
		}
		if (summary.length() > MAX_SUMMARY) {
			summary = summary.substring(0, MAX_SUMMARY);
		}
	}

}
