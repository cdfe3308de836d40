package io.ruche.brain.configuration;

import java.util.List;

import io.ruche.brain.model.Agent;
import io.ruche.brain.replay.ReplayReport;

/**
 * Replays an agent's golden sessions against its draft before a publish (see
 * docs/configuration.md, Golden sessions).
 */
@FunctionalInterface
public interface PublishGate {

	/**
	 * Replays the golden sessions on the live configuration and on the draft.
	 * @param live the live agent
	 * @param sessions the ids of its golden sessions
	 * @return the report; a publish is refused when it regressed
	 */
	ReplayReport replay(Agent live, List<String> sessions);

}
