package io.ruche.brain.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.model.Transition;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.scenario.TransitionJudge;

/**
 * Asks the model which of several close natural-language transitions the message meets.
 */
final class ModelTransitionJudge implements TransitionJudge {

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private static final String SYSTEM = """
			A conversation follows a scenario. Decide which of the numbered conditions the customer's message \
			meets. Answer only the number of the condition, or 0 if none is met.""";

	private final LanguageModel model;

	private final LongConsumer onCall;

	/**
	 * @param model the model
	 * @param onCall told of every call made, with its duration in nanoseconds
	 */
	ModelTransitionJudge(LanguageModel model, LongConsumer onCall) {
		this.model = model;
		this.onCall = onCall;
	}

	@Override
	public Optional<String> choose(String message, List<Transition> candidates) {
		StringBuilder prompt = new StringBuilder("Message: ").append(message).append("\n\nConditions:\n");
		for (int i = 0; i < candidates.size(); i++) {
			prompt.append(i + 1).append(". ").append(candidates.get(i).when()).append('\n');
		}
		long start = System.nanoTime();
		String reply;
		try {
			reply = this.model
				.generate(new ModelRequest(SYSTEM, List.of(ModelMessage.user(prompt.toString())), 0.0, 10))
				.text();
		}
		finally {
			this.onCall.accept(System.nanoTime() - start);
		}
		Matcher matcher = NUMBER.matcher(reply);
		if (!matcher.find()) {
			return Optional.empty();
		}
		int choice = Integer.parseInt(matcher.group());
		return (choice >= 1 && choice <= candidates.size()) ? Optional.of(candidates.get(choice - 1).to())
				: Optional.empty();
	}

}
