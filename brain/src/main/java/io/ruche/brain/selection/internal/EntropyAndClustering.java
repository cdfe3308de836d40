package io.ruche.brain.selection.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.ruche.brain.selection.SelectionStrategy;
import io.ruche.kernel.model.Scored;

/**
 * The entropy and clustering strategies, which pick items rather than a prefix length.
 */
final class EntropyAndClustering {

	private EntropyAndClustering() {
	}

	static <T> List<Scored<T>> entropy(SelectionStrategy.Entropy s, List<Scored<T>> sorted, int maxK, int minK,
			Map<String, Object> why) {
		double normalized = normalizedEntropy(StrategyFormulas.scores(sorted));
		int target = (normalized < s.entropyThreshold()) ? s.lowEntropyK() : s.highEntropyK();
		target = Math.min(Math.max(target, minK), maxK);
		why.put("normalized_entropy", normalized);
		why.put("target_k", target);
		List<Scored<T>> kept = new ArrayList<>();
		for (Scored<T> item : sorted) {
			if (kept.size() < target && item.score() >= s.minScore()) {
				kept.add(item);
			}
		}
		return padToMinK(kept, sorted, minK);
	}

	static double normalizedEntropy(double[] scores) {
		int n = scores.length;
		if (n <= 1) {
			return 0;
		}
		double sum = 0;
		for (double v : scores) {
			sum += v;
		}
		if (sum == 0) {
			return 1;
		}
		double h = 0;
		for (double v : scores) {
			double p = v / sum;
			if (p > 0) {
				h -= p * Math.log(p);
			}
		}
		return h / Math.log(n);
	}

	static <T> List<Scored<T>> clustering(SelectionStrategy.Clustering s, List<Scored<T>> sorted, int maxK, int minK,
			Map<String, Object> why) {
		List<Scored<T>> above = sorted.stream().filter((item) -> item.score() >= s.minScore()).toList();
		if (above.isEmpty()) {
			why.put("reason", "below_threshold");
			return sorted.subList(0, Math.min(minK, sorted.size()));
		}
		if (above.size() <= s.topPerCluster()) {
			return capped(above, maxK);
		}
		int[] labels = dbscan(StrategyFormulas.scores(above), s.eps(), s.minSamples());
		int clusters = 0;
		for (int label : labels) {
			clusters = Math.max(clusters, label + 1);
		}
		why.put("clusters", clusters);
		List<Scored<T>> kept = new ArrayList<>();
		for (int cluster = 0; cluster < clusters && kept.size() < maxK; cluster++) {
			int taken = 0;
			for (int i = 0; i < labels.length && taken < s.topPerCluster() && kept.size() < maxK; i++) {
				if (labels[i] == cluster) {
					kept.add(above.get(i));
					taken++;
				}
			}
		}
		kept.sort(Comparator.comparingDouble((Scored<T> item) -> item.score()).reversed());
		return padToMinK(kept, sorted, minK);
	}

	// DBSCAN in one dimension: label -1 is noise; clusters are numbered in scan order,
	// so the cluster holding the top score is 0.
	static int[] dbscan(double[] scores, double eps, int minSamples) {
		int n = scores.length;
		int[] labels = new int[n];
		java.util.Arrays.fill(labels, Integer.MIN_VALUE);
		int cluster = -1;
		for (int i = 0; i < n; i++) {
			if (labels[i] != Integer.MIN_VALUE) {
				continue;
			}
			List<Integer> neighbours = neighbours(scores, i, eps);
			if (neighbours.size() < minSamples) {
				labels[i] = -1;
				continue;
			}
			cluster++;
			labels[i] = cluster;
			List<Integer> queue = new ArrayList<>(neighbours);
			for (int q = 0; q < queue.size(); q++) {
				int j = queue.get(q);
				if (labels[j] == -1) {
					labels[j] = cluster;
				}
				if (labels[j] != Integer.MIN_VALUE) {
					continue;
				}
				labels[j] = cluster;
				List<Integer> more = neighbours(scores, j, eps);
				if (more.size() >= minSamples) {
					queue.addAll(more);
				}
			}
		}
		return labels;
	}

	private static List<Integer> neighbours(double[] scores, int i, double eps) {
		List<Integer> result = new ArrayList<>();
		for (int j = 0; j < scores.length; j++) {
			// A tiny tolerance so that 0.9 - 0.8 counts as a gap of 0.1.
			if (Math.abs(scores[i] - scores[j]) <= eps + 1e-9) {
				result.add(j);
			}
		}
		return result;
	}

	private static <T> List<Scored<T>> capped(List<Scored<T>> items, int maxK) {
		return items.subList(0, Math.min(items.size(), maxK));
	}

	private static <T> List<Scored<T>> padToMinK(List<Scored<T>> kept, List<Scored<T>> sorted, int minK) {
		if (kept.size() >= minK) {
			return kept;
		}
		List<Scored<T>> padded = new ArrayList<>(kept);
		for (Scored<T> item : sorted) {
			if (padded.size() >= minK) {
				break;
			}
			if (!padded.contains(item)) {
				padded.add(item);
			}
		}
		padded.sort(Comparator.comparingDouble((Scored<T> item) -> item.score()).reversed());
		return padded;
	}

}
