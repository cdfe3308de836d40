package io.ruche.server.mcp;

import io.ruche.brain.TurnOutcome;
import io.ruche.server.brain.NoModelAdvice;

/**
 * The MCP answer to each expected failure of a turn: a tool error whose text says what to
 * do. One exhaustive switch; the REST edge has its own.
 */
final class TurnFailures {

	private TurnFailures() {
	}

	/**
	 * The tool error for a failed turn.
	 * @param failure the failure
	 * @param modelConfigured whether a model provider is configured
	 * @param sampling whether the client offered sampling
	 * @return the reply, with {@code isError}
	 */
	static ToolReply toolError(TurnOutcome.Failure<?> failure, boolean modelConfigured, boolean sampling) {
		String text = switch (failure) {
			case TurnOutcome.UnknownAgent<?> unknown -> sentence(unknown.message()) + ".";
			case TurnOutcome.UnknownSession<?> unknown ->
				sentence(unknown.message()) + ": start a new one by omitting 'session'.";
			case TurnOutcome.WaitExceeded<?> waited -> sentence(waited.message()) + ".";
			case TurnOutcome.MessageIdReused<?> reused -> sentence(reused.message()) + ".";
			case TurnOutcome.SessionClosed<?> closed -> sentence(closed.message()) + ".";
			case TurnOutcome.BudgetExceeded<?> spent -> sentence(spent.message()) + ": nothing ran.";
			case TurnOutcome.NoModelAvailable<?> none -> NoModelAdvice.message(modelConfigured, sampling)
					+ " The turn is recorded in session " + none.session() + " (trace " + none.trace() + ").";
		};
		return ToolReply.error(text);
	}

	private static String sentence(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
