package io.ruche.toolbox.support;

import java.util.Locale;
import java.util.Map;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * A deterministic embedder: words are folded onto a few concepts (so that "rain" is near
 * "forecast"), then hashed into a bag-of-words vector.
 */
public final class FakeEmbeddingModel implements EmbeddingModel {

	private static final int DIMENSIONS = 256;

	private static final Map<String, String> CONCEPTS = Map.ofEntries(Map.entry("rain", "weather"),
			Map.entry("umbrella", "weather"), Map.entry("forecast", "weather"), Map.entry("temperature", "weather"),
			Map.entry("sunny", "weather"), Map.entry("money", "payment"), Map.entry("refund", "payment"),
			Map.entry("pay", "payment"), Map.entry("invoice", "payment"), Map.entry("mail", "message"),
			Map.entry("email", "message"), Map.entry("send", "message"), Map.entry("notify", "message"));

	@Override
	public Embedding embed(String text) {
		float[] vector = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.length() > 2) {
				String concept = CONCEPTS.getOrDefault(word.endsWith("s") ? word.substring(0, word.length() - 1) : word,
						word);
				vector[Math.floorMod(concept.hashCode(), DIMENSIONS)] += 1;
			}
		}
		return Embedding.normalized(vector);
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	@Override
	public String name() {
		return "fake-concepts";
	}

}
