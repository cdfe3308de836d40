package io.ruche.brain.configuration;

import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.replay.ReplayReport;

/**
 * What publishing a draft did.
 */
public sealed interface PublishOutcome {

	/**
	 * The draft is live.
	 *
	 * @param version the version it was published as
	 */
	record Published(AgentVersion version) implements PublishOutcome {
	}

	/**
	 * The replay of the agent's golden sessions found a turn that would change: nothing
	 * was published.
	 *
	 * @param report the replay's report
	 */
	record Refused(ReplayReport report) implements PublishOutcome {
	}

}
