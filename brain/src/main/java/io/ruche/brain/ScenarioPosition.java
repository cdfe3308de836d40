package io.ruche.brain;

/**
 * The active scenario of a session after a turn.
 *
 * @param id the scenario id
 * @param name the scenario name
 * @param step the active step id
 */
public record ScenarioPosition(String id, String name, String step) {
}
