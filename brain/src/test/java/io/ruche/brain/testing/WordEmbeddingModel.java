package io.ruche.brain.testing;

import java.util.Locale;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * A deterministic bag-of-words embedding: each word of three letters or more adds to one
 * hashed dimension, so the cosine measures shared words.
 */
public final class WordEmbeddingModel implements EmbeddingModel {

	private static final int DIMENSIONS = 512;

	private int calls;

	@Override
	public Embedding embed(String text) {
		this.calls++;
		float[] raw = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() >= 3) {
				raw[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
			}
		}
		raw[DIMENSIONS - 1] += 0.01f; // keeps every vector non-zero
		return Embedding.normalized(raw);
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	@Override
	public String name() {
		return "test-words";
	}

	public int calls() {
		return this.calls;
	}

}
