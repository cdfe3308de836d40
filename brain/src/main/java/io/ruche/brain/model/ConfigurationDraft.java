package io.ruche.brain.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;

/**
 * The draft of an agent's configuration: edits kept apart from the live version until
 * they are published (see docs/configuration.md, Safe change).
 *
 * @param tenant the tenant
 * @param agentId the agent
 * @param baseVersion the published version the draft started from; publishing is refused
 * once another version was published since
 * @param revision 1 for the first edit of the draft, then one more for each edit
 * @param author the id of the key that made the last edit
 * @param updatedAt when it was last edited
 * @param document the whole configuration as the agent's export document
 */
public record ConfigurationDraft(TenantId tenant, String agentId, long baseVersion, long revision, String author,
		Instant updatedAt, String document) {

	public ConfigurationDraft {
		if (revision < 1) {
			throw new IllegalArgumentException("draft revisions start at 1, not " + revision);
		}
	}

}
