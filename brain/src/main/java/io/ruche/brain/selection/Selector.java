package io.ruche.brain.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Scored;

/**
 * Applies a {@link SelectionConfig} to scored items in any order. Stateless and
 * thread-safe.
 */
public final class Selector {

	private final SelectionConfig config;

	private Selector(SelectionConfig config) {
		this.config = config;
	}

	/**
	 * Creates a selector.
	 * @param config the configuration
	 * @return the selector, never null
	 */
	public static Selector of(SelectionConfig config) {
		return new Selector(config);
	}

	public SelectionConfig config() {
		return this.config;
	}

	/**
	 * Selects: sorts by score, clamps scores into [0, 1], drops items under the floor and
	 * under the relative cut, then applies the strategy.
	 * @param <T> the item type
	 * @param items the scored items, in any order
	 * @return the selection, with the floor and cut in its explanation; never null
	 */
	public <T> Selection<T> select(List<Scored<T>> items) {
		List<Scored<T>> sorted = new ArrayList<>(items.size());
		for (Scored<T> item : items) {
			sorted.add(new Scored<>(item.item(), Math.max(0.0, Math.min(1.0, item.score()))));
		}
		sorted.sort(Comparator.comparingDouble((Scored<T> item) -> item.score()).reversed());
		double best = sorted.isEmpty() ? 0 : sorted.get(0).score();
		double threshold = Math.max(this.config.floor(), best * this.config.relativeCut());
		List<Scored<T>> pool = sorted.stream().filter((item) -> item.score() >= threshold).toList();
		Selection<T> selection = this.config.strategy().select(pool, this.config.maxK(), this.config.minK());
		Map<String, Object> why = new LinkedHashMap<>(selection.explanation());
		why.put("scored", sorted.size());
		why.put("best_score", best);
		why.put("threshold", threshold);
		return new Selection<>(selection.kept(), selection.cutoffScore(), selection.method(), why);
	}

}
