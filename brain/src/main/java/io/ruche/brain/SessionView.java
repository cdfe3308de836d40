package io.ruche.brain;

import java.util.Map;

import io.ruche.brain.model.Session;
import io.ruche.brain.model.SessionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A session as inspection shows it: with the names of its agent and active scenario.
 *
 * @param session the session
 * @param agentName the agent's name, or null when the agent is gone
 * @param scenarioName the active scenario's name, or null when there is none or it is
 * gone
 * @param scenarioNames the names of the scenarios the session left unfinished, by id
 * (those that still exist)
 * @param status the status now ({@code IDLE} and a timed {@code CLOSED} computed from the
 * agent's settings)
 */
public record SessionView(Session session, @Nullable String agentName, @Nullable String scenarioName,
		Map<String, String> scenarioNames, SessionStatus status) {

	public SessionView {
		scenarioNames = Map.copyOf(scenarioNames);
	}

}
