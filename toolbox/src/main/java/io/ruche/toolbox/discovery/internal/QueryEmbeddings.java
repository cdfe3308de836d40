package io.ruche.toolbox.discovery.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * Embeds search queries, remembering the most recently used ones: agents repeat their
 * needs, and a local embedding costs milliseconds while a lookup costs microseconds.
 * Queries are keyed by their text with surrounding and repeated whitespace removed (what
 * a model's tokenizer ignores anyway); case is kept, since a model may be case-sensitive.
 */
final class QueryEmbeddings {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final EmbeddingModel model;

	private final Map<String, Embedding> recent;

	QueryEmbeddings(EmbeddingModel model, int capacity) {
		this.model = model;
		this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
				return size() > capacity;
			}

		};
	}

	Embedding embed(String query) {
		String key = SPACES.matcher(query.strip()).replaceAll(" ");
		synchronized (this.recent) {
			Embedding known = this.recent.get(key);
			if (known != null) {
				return known;
			}
		}
		// embedded outside the lock: two threads missing the same query both embed it
		Embedding embedding = this.model.embed(key);
		synchronized (this.recent) {
			this.recent.put(key, embedding);
		}
		return embedding;
	}

}
