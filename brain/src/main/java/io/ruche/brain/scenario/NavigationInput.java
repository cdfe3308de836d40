package io.ruche.brain.scenario;

import java.util.List;
import java.util.Map;

import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.kernel.embedding.Embedding;
import org.jspecify.annotations.Nullable;

/**
 * What navigation needs for one turn.
 *
 * @param state the session's scenario state before the turn
 * @param variables the session's collected fields
 * @param interlocutor the interlocutor's profile fields
 * @param message the message
 * @param messageEmbedding the message's embedding
 * @param scenarios the agent's scenarios with their embeddings
 * @param turn the turn number
 * @param judge decides close calls between natural-language transitions
 * @param history the earlier turns' visits, abandoned scenarios and fields
 * @param cancel the built-in cancel intent, or {@link CancelIntent#NONE}
 * @param extracted the fields already taken from this message for the step the session is
 * at (the situation phase extracts them once per turn; navigation does not again)
 */
public record NavigationInput(ScenarioState state, Map<String, String> variables, Map<String, String> interlocutor,
		String message, Embedding messageEmbedding, List<EmbeddedScenario> scenarios, int turn, TransitionJudge judge,
		FlowHistory history, CancelIntent cancel, @Nullable Map<String, String> extracted) {

	public NavigationInput(ScenarioState state, Map<String, String> variables, Map<String, String> interlocutor,
			String message, Embedding messageEmbedding, List<EmbeddedScenario> scenarios, int turn,
			TransitionJudge judge, FlowHistory history, CancelIntent cancel) {
		this(state, variables, interlocutor, message, messageEmbedding, scenarios, turn, judge, history, cancel, null);
	}

	public NavigationInput(ScenarioState state, Map<String, String> variables, Map<String, String> interlocutor,
			String message, Embedding messageEmbedding, List<EmbeddedScenario> scenarios, int turn) {
		this(state, variables, interlocutor, message, messageEmbedding, scenarios, turn, TransitionJudge.NONE,
				FlowHistory.EMPTY, CancelIntent.NONE, null);
	}

	public NavigationInput {
		variables = Map.copyOf(variables);
		interlocutor = Map.copyOf(interlocutor);
		scenarios = List.copyOf(scenarios);
		extracted = (extracted != null) ? Map.copyOf(extracted) : null;
	}

}
