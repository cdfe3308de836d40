package io.ruche.testkit.fakes;

import java.util.Locale;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * A deterministic hashing embedder: each lowercase word adds one to the dimension its
 * hash selects, then the vector is normalised. Texts sharing words are similar.
 */
public final class FakeEmbeddingModel implements EmbeddingModel {

	/** The default number of dimensions, that of the platform's default model. */
	public static final int DIMENSIONS = 384;

	private final int dimensions;

	public FakeEmbeddingModel() {
		this(DIMENSIONS);
	}

	public FakeEmbeddingModel(int dimensions) {
		this.dimensions = dimensions;
	}

	@Override
	public Embedding embed(String text) {
		float[] raw = new float[this.dimensions];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				raw[Math.floorMod(word.hashCode(), this.dimensions)] += 1;
			}
		}
		return Embedding.normalized(raw);
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

	@Override
	public String name() {
		return "fake-hashing-" + this.dimensions;
	}

}
