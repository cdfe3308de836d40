package io.ruche.brain.selection;

import java.util.List;
import java.util.Locale;

import io.ruche.brain.selection.internal.StrategyFormulas;
import io.ruche.kernel.model.Scored;

/**
 * A rule for how many of the best-scored items to keep (docs/brain.md, Rule selection and
 * thresholds). Each record's {@code defaults()} are the calibrated defaults.
 */
public sealed interface SelectionStrategy {

	/**
	 * The name used in configuration: {@code fixed_k}, {@code elbow}, {@code adaptive_k},
	 * {@code entropy} or {@code clustering}.
	 * @return the name
	 */
	String wireName();

	/**
	 * The score under which this strategy drops items.
	 * @return the minimum score
	 */
	double minScore();

	/**
	 * A copy with another minimum score.
	 * @param minScore the minimum score
	 * @return the copy
	 */
	SelectionStrategy withMinScore(double minScore);

	/**
	 * Selects from items sorted by score, highest first.
	 * @param <T> the item type
	 * @param sorted the items, highest score first, scores in [0, 1]
	 * @param maxK never keep more
	 * @param minK keep at least this many when there are enough items
	 * @return the selection, never null
	 * @throws IllegalArgumentException when the items are not sorted, a score is outside
	 * [0, 1], or {@code minK > maxK}
	 */
	default <T> Selection<T> select(List<Scored<T>> sorted, int maxK, int minK) {
		return StrategyFormulas.select(this, sorted, maxK, minK);
	}

	/**
	 * The strategy with this name and its default parameters.
	 * @param name the name, case-insensitive
	 * @return the strategy
	 * @throws IllegalArgumentException for an unknown name
	 */
	static SelectionStrategy named(String name) {
		return switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "fixed_k" -> FixedK.defaults();
			case "elbow" -> Elbow.defaults();
			case "adaptive_k" -> AdaptiveK.defaults();
			case "entropy" -> Entropy.defaults();
			case "clustering" -> Clustering.defaults();
			default -> throw new IllegalArgumentException("unknown selection strategy '" + name
					+ "': expected fixed_k, elbow, adaptive_k, entropy or clustering");
		};
	}

	/**
	 * The first {@code k} items scoring at least {@code minScore}.
	 *
	 * @param k how many to keep
	 * @param minScore the minimum score
	 */
	record FixedK(int k, double minScore) implements SelectionStrategy {

		public static FixedK defaults() {
			return new FixedK(10, 0.0);
		}

		@Override
		public String wireName() {
			return "fixed_k";
		}

		@Override
		public FixedK withMinScore(double minScore) {
			return new FixedK(this.k, minScore);
		}

	}

	/**
	 * Cuts at the first relative drop larger than {@code dropThreshold}.
	 *
	 * @param dropThreshold the relative drop, (s[i-1] - s[i]) / s[i-1]
	 * @param minScore the minimum score
	 */
	record Elbow(double dropThreshold, double minScore) implements SelectionStrategy {

		public static Elbow defaults() {
			return new Elbow(0.2, 0.5);
		}

		@Override
		public String wireName() {
			return "elbow";
		}

		@Override
		public Elbow withMinScore(double minScore) {
			return new Elbow(this.dropThreshold, minScore);
		}

	}

	/**
	 * Cuts at the first point of strong curvature: a second difference below
	 * {@code -alpha} standard deviations.
	 *
	 * @param alpha the curvature sensitivity
	 * @param minScore the minimum score
	 */
	record AdaptiveK(double alpha, double minScore) implements SelectionStrategy {

		public static AdaptiveK defaults() {
			return new AdaptiveK(1.5, 0.5);
		}

		@Override
		public String wireName() {
			return "adaptive_k";
		}

		@Override
		public AdaptiveK withMinScore(double minScore) {
			return new AdaptiveK(this.alpha, minScore);
		}

	}

	/**
	 * Keeps few items when the scores are concentrated (low normalised entropy), many
	 * when they are flat.
	 *
	 * @param lowEntropyK how many to keep when concentrated
	 * @param highEntropyK how many to keep when flat
	 * @param entropyThreshold the normalised entropy between the two
	 * @param minScore the minimum score
	 */
	record Entropy(int lowEntropyK, int highEntropyK, double entropyThreshold,
			double minScore) implements SelectionStrategy {

		public static Entropy defaults() {
			return new Entropy(3, 10, 0.5, 0.5);
		}

		@Override
		public String wireName() {
			return "entropy";
		}

		@Override
		public Entropy withMinScore(double minScore) {
			return new Entropy(this.lowEntropyK, this.highEntropyK, this.entropyThreshold, minScore);
		}

	}

	/**
	 * Groups scores with one-dimensional DBSCAN and keeps the best of each group.
	 *
	 * @param eps the largest score gap inside a group
	 * @param minSamples the DBSCAN core size
	 * @param topPerCluster how many to keep per group
	 * @param minScore the minimum score
	 */
	record Clustering(double eps, int minSamples, int topPerCluster, double minScore) implements SelectionStrategy {

		public static Clustering defaults() {
			return new Clustering(0.1, 1, 3, 0.5);
		}

		@Override
		public String wireName() {
			return "clustering";
		}

		@Override
		public Clustering withMinScore(double minScore) {
			return new Clustering(this.eps, this.minSamples, this.topPerCluster, minScore);
		}

	}

}
