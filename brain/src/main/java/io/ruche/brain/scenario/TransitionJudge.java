package io.ruche.brain.scenario;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Transition;

/**
 * Decides between natural-language transitions whose scores are too close for the margin
 * to tell them apart.
 */
@FunctionalInterface
public interface TransitionJudge {

	/** No judge: close calls make no move. */
	TransitionJudge NONE = (message, candidates) -> Optional.empty();

	/**
	 * Chooses the transition the message meets.
	 * @param message the interlocutor's message
	 * @param candidates the competing transitions, best score first
	 * @return the chosen transition's target step id, or empty when none applies
	 */
	Optional<String> choose(String message, List<Transition> candidates);

}
