package io.ruche.server.wire;

/**
 * How the wire format rounds numbers, once: scores to four decimals, durations to the
 * microsecond.
 */
public final class Rounding {

	private Rounding() {
	}

	/**
	 * A score (retrieval, relevance) as sent.
	 * @param score the score
	 * @return the score rounded to four decimals
	 */
	public static double score(double score) {
		return Math.round(score * 10_000) / 10_000.0;
	}

	/**
	 * A duration in milliseconds as sent.
	 * @param millis the duration
	 * @return the duration rounded to three decimals
	 */
	public static double millis(double millis) {
		return Math.round(millis * 1000) / 1000.0;
	}

}
