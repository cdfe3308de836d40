package io.ruche.toolbox.discovery.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Scored;
import io.ruche.toolbox.model.ToolDefinition;
import org.jspecify.annotations.Nullable;

/** An immutable BM25 index of one tenant's tools; the name's terms count twice. */
final class LexicalIndex {

	private static final double K1 = 1.2;

	private static final double B = 0.75;

	private final List<ToolDefinition> tools;

	private final Map<String, ToolDefinition> byName = new HashMap<>();

	private final Map<String, List<int[]>> postings = new HashMap<>();

	private final int[] lengths;

	private final double averageLength;

	LexicalIndex(List<ToolDefinition> tools) {
		this.tools = List.copyOf(tools);
		tools.forEach((tool) -> this.byName.put(tool.name(), tool));
		this.lengths = new int[tools.size()];
		long total = 0;
		for (int doc = 0; doc < tools.size(); doc++) {
			ToolDefinition tool = tools.get(doc);
			List<String> terms = new ArrayList<>(Tokenizer.terms(tool.name()));
			terms.addAll(terms);
			terms.addAll(Tokenizer.terms(tool.description()));
			Map<String, Integer> frequencies = new HashMap<>();
			terms.forEach((term) -> frequencies.merge(term, 1, Integer::sum));
			int index = doc;
			frequencies.forEach((term, tf) -> this.postings.computeIfAbsent(term, (t) -> new ArrayList<>())
				.add(new int[] { index, tf }));
			this.lengths[doc] = terms.size();
			total += terms.size();
		}
		this.averageLength = tools.isEmpty() ? 1 : Math.max(1, (double) total / tools.size());
	}

	List<Scored<ToolDefinition>> search(String query, int limit) {
		double[] scores = new double[this.tools.size()];
		int documents = this.tools.size();
		for (String term : new LinkedHashSet<>(Tokenizer.terms(query))) {
			List<int[]> list = this.postings.get(term);
			if (list == null) {
				continue;
			}
			double idf = Math.log(1 + (documents - list.size() + 0.5) / (list.size() + 0.5));
			for (int[] posting : list) {
				double tf = posting[1];
				double norm = K1 * (1 - B + B * this.lengths[posting[0]] / this.averageLength);
				scores[posting[0]] += idf * tf * (K1 + 1) / (tf + norm);
			}
		}
		List<Scored<ToolDefinition>> hits = new ArrayList<>();
		for (int doc = 0; doc < documents; doc++) {
			if (scores[doc] > 0) {
				hits.add(new Scored<>(this.tools.get(doc), scores[doc]));
			}
		}
		hits.sort((a, b) -> Double.compare(b.score(), a.score()));
		return (hits.size() > limit) ? hits.subList(0, limit) : hits;
	}

	/**
	 * The definition of an indexed tool.
	 * @param name the tool name
	 * @return the definition, or null when the index does not hold it
	 */
	@Nullable ToolDefinition tool(String name) {
		return this.byName.get(name);
	}

}
