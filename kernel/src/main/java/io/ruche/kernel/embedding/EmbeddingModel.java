package io.ruche.kernel.embedding;

import java.util.List;

/**
 * Computes embeddings of texts. Implementations are thread-safe.
 */
public interface EmbeddingModel {

	/**
	 * Embeds one text.
	 * @param text the text, not blank
	 * @return its unit-length embedding, never null
	 */
	Embedding embed(String text);

	/**
	 * Embeds several texts; the default embeds them one by one.
	 * @param texts the texts
	 * @return their embeddings, in the same order
	 */
	default List<Embedding> embedAll(List<String> texts) {
		return texts.stream().map(this::embed).toList();
	}

	/**
	 * The number of dimensions of every embedding this model returns.
	 * @return the dimension count
	 */
	int dimensions();

	/**
	 * A stable name of the model, stored beside each embedding so that a change of model
	 * is detected.
	 * @return the model name
	 */
	String name();

}
