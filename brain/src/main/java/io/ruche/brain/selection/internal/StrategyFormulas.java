package io.ruche.brain.selection.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.selection.Selection;
import io.ruche.brain.selection.SelectionStrategy;
import io.ruche.kernel.model.Scored;

/**
 * The formulas of the five strategies (docs/brain.md, Rule selection and thresholds).
 */
public final class StrategyFormulas {

	private StrategyFormulas() {
	}

	public static <T> Selection<T> select(SelectionStrategy strategy, List<Scored<T>> sorted, int maxK, int minK) {
		validate(sorted, maxK, minK);
		Map<String, Object> why = new LinkedHashMap<>();
		why.put("candidates", sorted.size());
		List<Scored<T>> kept = switch (strategy) {
			case SelectionStrategy.FixedK s -> fixedK(s, sorted, maxK, minK, why);
			case SelectionStrategy.Elbow s -> sorted.subList(0, elbow(s, scores(sorted), maxK, minK, why));
			case SelectionStrategy.AdaptiveK s -> sorted.subList(0, adaptiveK(s, scores(sorted), maxK, minK, why));
			case SelectionStrategy.Entropy s -> EntropyAndClustering.entropy(s, sorted, maxK, minK, why);
			case SelectionStrategy.Clustering s -> EntropyAndClustering.clustering(s, sorted, maxK, minK, why);
		};
		double cutoff = kept.isEmpty() ? 0.0 : kept.get(kept.size() - 1).score();
		return new Selection<>(kept, cutoff, strategy.wireName(), why);
	}

	private static <T> void validate(List<Scored<T>> sorted, int maxK, int minK) {
		if (minK > maxK) {
			throw new IllegalArgumentException("min_k (" + minK + ") must not exceed max_k (" + maxK + ")");
		}
		if (minK < 0) {
			throw new IllegalArgumentException("min_k must not be negative");
		}
		for (int i = 0; i < sorted.size(); i++) {
			double s = sorted.get(i).score();
			if (s < 0 || s > 1 || Double.isNaN(s)) {
				throw new IllegalArgumentException("score " + s + " is outside [0, 1]");
			}
			if (i > 0 && s > sorted.get(i - 1).score()) {
				throw new IllegalArgumentException("items must be sorted by score, highest first");
			}
		}
	}

	static double[] scores(List<? extends Scored<?>> items) {
		double[] s = new double[items.size()];
		for (int i = 0; i < s.length; i++) {
			s[i] = items.get(i).score();
		}
		return s;
	}

	private static <T> List<Scored<T>> fixedK(SelectionStrategy.FixedK s, List<Scored<T>> sorted, int maxK, int minK,
			Map<String, Object> why) {
		int k = Math.min(s.k(), maxK);
		why.put("k", k);
		List<Scored<T>> kept = new ArrayList<>();
		for (Scored<T> item : sorted) {
			if (kept.size() >= k) {
				break;
			}
			if (item.score() >= s.minScore()) {
				kept.add(item);
			}
		}
		if (kept.size() < minK && sorted.size() >= minK) {
			why.put("reason", "padded_to_min_k");
			return sorted.subList(0, minK);
		}
		return kept;
	}

	private static int elbow(SelectionStrategy.Elbow s, double[] scores, int maxK, int minK, Map<String, Object> why) {
		int n = scores.length;
		int elbowIdx = n;
		for (int i = 1; i < n; i++) {
			if (scores[i - 1] > 0 && (scores[i - 1] - scores[i]) / scores[i - 1] > s.dropThreshold()) {
				elbowIdx = i;
				break;
			}
		}
		why.put("elbow_index", elbowIdx);
		return clamp(elbowIdx, scores, s.minScore(), maxK, minK, why);
	}

	private static int adaptiveK(SelectionStrategy.AdaptiveK s, double[] scores, int maxK, int minK,
			Map<String, Object> why) {
		int n = scores.length;
		if (n <= 2) {
			why.put("reason", "insufficient_points");
			int above = scoreIndex(scores, s.minScore());
			return Math.min(Math.max(above, Math.min(minK, n)), maxK);
		}
		double[] d1 = diff(scores);
		double[] d2 = diff(d1);
		double sigma = std(d2);
		if (sigma == 0) {
			sigma = 1;
		}
		int curvatureIdx = n;
		for (int j = 0; j < d2.length; j++) {
			if (d2[j] < -s.alpha() * sigma) {
				curvatureIdx = j + 2;
				break;
			}
		}
		why.put("curvature_index", curvatureIdx);
		why.put("sigma", sigma);
		return clamp(curvatureIdx, scores, s.minScore(), maxK, minK, why);
	}

	// cut = max(min(idx, score_idx, max_k), min(min_k, n)), shared by elbow and
	// adaptive-k.
	private static int clamp(int idx, double[] scores, double minScore, int maxK, int minK, Map<String, Object> why) {
		int scoreIdx = scoreIndex(scores, minScore);
		why.put("score_index", scoreIdx);
		return Math.max(Math.min(Math.min(idx, scoreIdx), maxK), Math.min(minK, scores.length));
	}

	private static int scoreIndex(double[] scores, double minScore) {
		for (int i = 0; i < scores.length; i++) {
			if (scores[i] < minScore) {
				return i;
			}
		}
		return scores.length;
	}

	private static double[] diff(double[] values) {
		double[] d = new double[Math.max(0, values.length - 1)];
		for (int i = 0; i < d.length; i++) {
			d[i] = values[i + 1] - values[i];
		}
		return d;
	}

	private static double std(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double mean = 0;
		for (double v : values) {
			mean += v;
		}
		mean /= values.length;
		double variance = 0;
		for (double v : values) {
			variance += (v - mean) * (v - mean);
		}
		return Math.sqrt(variance / values.length);
	}

}
