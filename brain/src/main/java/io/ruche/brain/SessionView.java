package io.ruche.brain;

import io.ruche.brain.model.Session;
import org.jspecify.annotations.Nullable;

/**
 * A session as inspection shows it: with the names of its agent and active scenario.
 *
 * @param session the session
 * @param agentName the agent's name, or null when the agent is gone
 * @param scenarioName the active scenario's name, or null when there is none or it is
 * gone
 */
public record SessionView(Session session, @Nullable String agentName, @Nullable String scenarioName) {
}
