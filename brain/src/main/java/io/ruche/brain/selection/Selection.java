package io.ruche.brain.selection;

import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Scored;

/**
 * The items a selection kept and why it cut there.
 *
 * @param <T> the item type
 * @param kept the kept items, highest score first
 * @param cutoffScore the score of the last kept item, 0 when none was kept
 * @param method the strategy name, such as {@code adaptive_k}
 * @param explanation the numbers behind the cut (indexes, entropy, clusters), for the
 * trace
 */
public record Selection<T>(List<Scored<T>> kept, double cutoffScore, String method, Map<String, Object> explanation) {

	public Selection {
		kept = List.copyOf(kept);
		explanation = Map.copyOf(explanation);
	}

}
