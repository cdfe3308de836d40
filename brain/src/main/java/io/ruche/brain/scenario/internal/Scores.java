package io.ruche.brain.scenario.internal;

/**
 * Similarities as the trace shows them.
 */
final class Scores {

	private Scores() {
	}

	/** Rounded to 3 decimals. */
	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
