package io.ruche.toolbox.discovery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Scored;
import io.ruche.toolbox.model.ToolDefinition;
import org.jspecify.annotations.Nullable;

/**
 * An immutable BM25 index of one tenant's tools; the name's terms count twice. A query
 * touches only the postings of its terms, and each posting holds its document's
 * precomputed BM25 term weight, so a search is one multiply-add per posting and a bounded
 * top-k selection (not a sort of every matching document).
 */
final class LexicalIndex {

	private static final double K1 = 1.2;

	private static final double B = 0.75;

	private final List<ToolDefinition> tools;

	private final Map<String, ToolDefinition> byName = new HashMap<>();

	private final Map<String, Postings> postings = new HashMap<>();

	LexicalIndex(List<ToolDefinition> tools) {
		this.tools = List.copyOf(tools);
		tools.forEach((tool) -> this.byName.put(tool.name(), tool));
		int documents = tools.size();
		int[] lengths = new int[documents];
		Map<String, PostingsBuilder> building = new HashMap<>();
		long total = 0;
		for (int doc = 0; doc < documents; doc++) {
			ToolDefinition tool = tools.get(doc);
			// words of the name count twice: a name says more than a description
			List<String> nameTerms = Tokenizer.terms(tool.name());
			List<String> terms = new ArrayList<>(nameTerms);
			terms.addAll(nameTerms);
			terms.addAll(Tokenizer.terms(tool.description()));
			Map<String, Integer> frequencies = new HashMap<>();
			terms.forEach((term) -> frequencies.merge(term, 1, Integer::sum));
			int index = doc;
			frequencies
				.forEach((term, tf) -> building.computeIfAbsent(term, (t) -> new PostingsBuilder()).add(index, tf));
			lengths[doc] = terms.size();
			total += terms.size();
		}
		double averageLength = (documents == 0) ? 1 : Math.max(1, (double) total / documents);
		building.forEach((term, builder) -> this.postings.put(term, builder.build(documents, lengths, averageLength)));
	}

	List<Scored<ToolDefinition>> search(String query, int limit) {
		double[] scores = new double[this.tools.size()];
		boolean matched = false;
		for (String term : new LinkedHashSet<>(Tokenizer.terms(query))) {
			Postings list = this.postings.get(term);
			if (list != null) {
				list.addTo(scores);
				matched = true;
			}
		}
		return matched ? top(scores, limit) : List.of();
	}

	// Best first; equal scores keep catalog order, as a stable sort would.
	private List<Scored<ToolDefinition>> top(double[] scores, int limit) {
		TopDocs top = new TopDocs(limit, scores);
		for (int doc = 0; doc < scores.length; doc++) {
			if (scores[doc] > 0) {
				top.offer(doc);
			}
		}
		int[] docs = top.sorted();
		List<Scored<ToolDefinition>> hits = new ArrayList<>(docs.length);
		for (int doc : docs) {
			hits.add(new Scored<>(this.tools.get(doc), scores[doc]));
		}
		return hits;
	}

	/**
	 * The definition of an indexed tool.
	 * @param name the tool name
	 * @return the definition, or null when the index does not hold it
	 */
	@Nullable ToolDefinition tool(String name) {
		return this.byName.get(name);
	}

	/** One term's documents with their BM25 weights, idf included. */
	private record Postings(int[] docs, double[] weights) {

		void addTo(double[] scores) {
			for (int i = 0; i < this.docs.length; i++) {
				scores[this.docs[i]] += this.weights[i];
			}
		}

	}

	private static final class PostingsBuilder {

		private int[] docs = new int[4];

		private int[] frequencies = new int[4];

		private int size;

		void add(int doc, int tf) {
			if (this.size == this.docs.length) {
				this.docs = Arrays.copyOf(this.docs, this.size * 2);
				this.frequencies = Arrays.copyOf(this.frequencies, this.size * 2);
			}
			this.docs[this.size] = doc;
			this.frequencies[this.size] = tf;
			this.size++;
		}

		Postings build(int documents, int[] lengths, double averageLength) {
			double idf = Math.log(1 + (documents - this.size + 0.5) / (this.size + 0.5));
			double[] weights = new double[this.size];
			for (int i = 0; i < this.size; i++) {
				double tf = this.frequencies[i];
				double norm = K1 * (1 - B + B * lengths[this.docs[i]] / averageLength);
				weights[i] = idf * tf * (K1 + 1) / (tf + norm);
			}
			return new Postings(Arrays.copyOf(this.docs, this.size), weights);
		}

	}

	/** A bounded min-heap of document numbers; its root is the worst kept document. */
	private static final class TopDocs {

		private final int[] heap;

		private final double[] scores;

		private int size;

		TopDocs(int limit, double[] scores) {
			this.heap = new int[Math.max(0, limit)];
			this.scores = scores;
		}

		void offer(int doc) {
			if (this.size < this.heap.length) {
				this.heap[this.size] = doc;
				up(this.size++);
			}
			else if (this.size > 0 && worse(this.heap[0], doc)) {
				this.heap[0] = doc;
				down(0);
			}
		}

		int[] sorted() {
			int[] docs = new int[this.size];
			for (int i = this.size - 1; i >= 0; i--) {
				docs[i] = this.heap[0];
				this.heap[0] = this.heap[--this.size];
				down(0);
			}
			return docs;
		}

		// a ranks below b: lower score, or the same score later in the catalog
		private boolean worse(int a, int b) {
			double sa = this.scores[a];
			double sb = this.scores[b];
			return (sa < sb) || (sa == sb && a > b);
		}

		private void up(int i) {
			while (i > 0) {
				int parent = (i - 1) / 2;
				if (!worse(this.heap[i], this.heap[parent])) {
					return;
				}
				swap(i, parent);
				i = parent;
			}
		}

		private void down(int i) {
			while (true) {
				int left = 2 * i + 1;
				int right = left + 1;
				int worst = i;
				if (left < this.size && worse(this.heap[left], this.heap[worst])) {
					worst = left;
				}
				if (right < this.size && worse(this.heap[right], this.heap[worst])) {
					worst = right;
				}
				if (worst == i) {
					return;
				}
				swap(i, worst);
				i = worst;
			}
		}

		private void swap(int i, int j) {
			int held = this.heap[i];
			this.heap[i] = this.heap[j];
			this.heap[j] = held;
		}

	}

}
