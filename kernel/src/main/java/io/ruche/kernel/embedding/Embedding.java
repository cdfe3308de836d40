package io.ruche.kernel.embedding;

import java.util.Arrays;

/**
 * An embedding vector, normalised to unit length so that the dot product is the cosine
 * similarity.
 *
 * @param vector the components; the array is owned by the record and must not be changed
 */
public record Embedding(float[] vector) {

	public Embedding {
		if (vector.length == 0) {
			throw new IllegalArgumentException("an embedding needs at least one dimension");
		}
	}

	/**
	 * Normalises a raw vector to unit length.
	 * @param raw the raw components
	 * @return a unit-length embedding (the zero vector stays zero)
	 */
	public static Embedding normalized(float[] raw) {
		double norm = 0;
		for (float v : raw) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		float[] unit = new float[raw.length];
		for (int i = 0; i < raw.length; i++) {
			unit[i] = (norm == 0) ? 0 : (float) (raw[i] / norm);
		}
		return new Embedding(unit);
	}

	public int dimensions() {
		return this.vector.length;
	}

	/**
	 * Cosine similarity with another unit-length embedding of the same dimension.
	 * @param other the other embedding
	 * @return the similarity, from -1 to 1
	 */
	public double cosine(Embedding other) {
		if (other.vector.length != this.vector.length) {
			throw new IllegalArgumentException(
					"dimension mismatch: " + this.vector.length + " vs " + other.vector.length);
		}
		double dot = 0;
		for (int i = 0; i < this.vector.length; i++) {
			dot += this.vector[i] * other.vector[i];
		}
		return dot;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Embedding e) && Arrays.equals(this.vector, e.vector);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.vector);
	}

	@Override
	public String toString() {
		return "Embedding[" + this.vector.length + " dims]";
	}

}
