package io.ruche.brain.selection;

/**
 * How rules are selected after scoring: an absolute floor, a cut relative to the best
 * score, then a strategy.
 * <p>
 * The floor is hard: items under it are never kept, not even to reach {@code minK}, so an
 * unrelated message selects nothing. The defaults are calibrated for the default local
 * model (all-MiniLM-L6-v2), which scores correct matches 0.17-0.73 and off-topic messages
 * at most 0.17 (docs/brain.md, Rule selection and thresholds); recalibrate them for
 * another model.
 *
 * @param strategy the strategy applied after the two cuts
 * @param floor the absolute minimum score
 * @param relativeCut keep items scoring at least {@code relativeCut} times the best
 * score; 0 disables the cut
 * @param maxK never keep more
 * @param minK keep at least this many when enough items pass the cuts
 */
public record SelectionConfig(SelectionStrategy strategy, double floor, double relativeCut, int maxK, int minK) {

	/**
	 * Rules: adaptive-k over what passes a 0.25 floor and 80% of the best score.
	 * Calibrated for all-MiniLM-L6-v2 on the labelled set of RetrievalQualityIT: a 60%
	 * cut kept 2.1 rules per message for a precision of 0.45, 80% keeps the same right
	 * rules with far fewer neighbours.
	 */
	public static final SelectionConfig RULES = new SelectionConfig(
			SelectionStrategy.AdaptiveK.defaults().withMinScore(0), 0.25, 0.8, 10, 1);

	public SelectionConfig {
		if (minK < 0 || minK > maxK) {
			throw new IllegalArgumentException("selection needs 0 <= min_k <= max_k, got " + minK + " and " + maxK);
		}
		if (floor < 0 || floor > 1 || relativeCut < 0 || relativeCut > 1) {
			throw new IllegalArgumentException("selection floor and relative cut must be between 0 and 1");
		}
	}

	public SelectionConfig withStrategy(SelectionStrategy other) {
		return new SelectionConfig(other, this.floor, this.relativeCut, this.maxK, this.minK);
	}

	public SelectionConfig withFloor(double other) {
		return new SelectionConfig(this.strategy, other, this.relativeCut, this.maxK, this.minK);
	}

	public SelectionConfig withRelativeCut(double other) {
		return new SelectionConfig(this.strategy, this.floor, other, this.maxK, this.minK);
	}

	public SelectionConfig withMaxK(int other) {
		return new SelectionConfig(this.strategy, this.floor, this.relativeCut, other, Math.min(this.minK, other));
	}

}
