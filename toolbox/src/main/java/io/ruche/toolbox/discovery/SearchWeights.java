package io.ruche.toolbox.discovery;

import java.time.Duration;

/**
 * How lexical and semantic relevance are combined.
 *
 * @param lexical the weight of the normalised BM25 score (default 0.35: exact words such
 * as a tool's name matter, but needs are usually phrased differently)
 * @param semantic the weight of the embedding similarity (default 0.65)
 * @param candidatePool how many candidates each ranking contributes before combining
 * (default 50)
 * @param indexTtl how long a tenant's lexical index is trusted without a change
 * notification (default 60 s; changes announced through the broadcast apply at once)
 */
public record SearchWeights(double lexical, double semantic, int candidatePool, Duration indexTtl) {

	/** The defaults: 0.35 lexical, 0.65 semantic, 50 candidates, 60 s. */
	public static final SearchWeights DEFAULTS = new SearchWeights(0.35, 0.65, 50, Duration.ofSeconds(60));

	public SearchWeights {
		if (lexical < 0 || semantic < 0 || lexical + semantic <= 0) {
			throw new IllegalArgumentException("weights must be non-negative and not both zero");
		}
		if (candidatePool < 1) {
			throw new IllegalArgumentException("candidatePool must be at least 1");
		}
	}

}
