package io.ruche.brain.expression;

/**
 * Bounds that keep expressions cheap: text size, parse depth, comprehension iterations
 * and regular-expression size (CEL regexes are RE2, linear in the input).
 *
 * @param maxSourceLength the longest expression text, in code points
 * @param maxIterations the most iterations of one comprehension ({@code all},
 * {@code exists}, {@code map}, {@code filter})
 * @param maxRegexProgramSize the largest compiled regular expression
 * @param maxCachedPrograms how many compiled programs are kept per kind
 */
public record ExpressionLimits(int maxSourceLength, int maxIterations, int maxRegexProgramSize, int maxCachedPrograms) {

	public static final ExpressionLimits DEFAULTS = new ExpressionLimits(2_000, 1_000, 500, 10_000);

	public ExpressionLimits {
		if (maxSourceLength < 1 || maxIterations < 1 || maxRegexProgramSize < 1 || maxCachedPrograms < 1) {
			throw new IllegalArgumentException("expression limits must be positive");
		}
	}

}
