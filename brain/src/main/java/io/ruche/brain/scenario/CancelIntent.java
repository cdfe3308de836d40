package io.ruche.brain.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * The built-in cancel intent: a message that resembles one of a few ways of calling a
 * request off ("forget it", "never mind, cancel that") leaves the active scenario even
 * when it declares no exit condition. English only; each agent may turn it off
 * ({@code scenario.cancel_intent: false}).
 *
 * @param examples the embeddings of the example phrases; empty when the intent is off
 */
public record CancelIntent(List<Embedding> examples) {

	/** No cancel intent: nothing exits by it. */
	public static final CancelIntent NONE = new CancelIntent(List.of());

	/** The phrases a cancel resembles. */
	public static final List<String> PHRASES = List.of("forget it, I don't want to do that anymore",
			"never mind, cancel that", "I changed my mind, cancel my request", "stop, I don't want to continue",
			"let's drop it, it doesn't matter anymore");

	private static final Map<EmbeddingModel, CancelIntent> EMBEDDED = Collections.synchronizedMap(new WeakHashMap<>());

	public CancelIntent {
		examples = List.copyOf(examples);
	}

	/**
	 * The intent embedded by a model, once per model.
	 * @param model the model that embeds the messages
	 * @return the intent
	 */
	public static CancelIntent embeddedBy(EmbeddingModel model) {
		return EMBEDDED.computeIfAbsent(model, (m) -> new CancelIntent(m.embedAll(PHRASES)));
	}

	/**
	 * How much a message resembles a cancel.
	 * @param message the message's embedding
	 * @return the best similarity to an example, or negative infinity when the intent is
	 * off
	 */
	public double score(Embedding message) {
		return this.examples.stream().mapToDouble(message::cosine).max().orElse(Double.NEGATIVE_INFINITY);
	}

}
