package io.ruche.kernel.regex;

/**
 * An upper bound of the number of instructions RE2/J compiles a pattern into, computed
 * from the text alone: literals, classes and assertions cost one, groups two, each
 * {@code * + ?} and alternative one, and a counted repetition {@code x{n,m}} copies
 * {@code x} m times, plus a fixed few. Invalid syntax is left for the compiler to report.
 */
final class ProgramSizeBound {

	// RE2 refuses counts above 1000; anything longer is clamped just above.
	private static final int MAX_COUNT = 1_001;

	// every program also has a fail instruction, the whole-match group and a match
	private static final int FIXED = 4;

	private final String pattern;

	private final long limit;

	private int position;

	private ProgramSizeBound(String pattern, long limit) {
		this.pattern = pattern;
		this.limit = limit;
	}

	/**
	 * Bounds a pattern's program size.
	 * @param pattern the pattern
	 * @param limit the size above which counting stops
	 * @return the bound, or a value above {@code limit} once the bound exceeds it
	 */
	static long of(String pattern, long limit) {
		ProgramSizeBound bound = new ProgramSizeBound(pattern, limit);
		long size = FIXED;
		while (bound.position < pattern.length()) {
			size = bound.cap(size + bound.alternation());
			// an unbalanced ')' is a syntax error for the compiler; count past it
			bound.skip(')');
		}
		return size;
	}

	private long alternation() {
		long size = sequence();
		while (skip('|')) {
			size = cap(size + sequence() + 1);
		}
		return size;
	}

	private long sequence() {
		long size = 0;
		while (!atEnd() && !at('|') && !at(')')) {
			size = cap(size + repetition());
		}
		return size;
	}

	private long repetition() {
		long size = atom();
		while (!atEnd()) {
			if (skip('*') || skip('+') || skip('?')) {
				size = cap(size + 1);
			}
			else if (at('{')) {
				int count = countedRepeat();
				if (count < 0) {
					break;
				}
				size = cap(size * Math.max(count, 1) + count);
			}
			else {
				break;
			}
			// lazy form: x*? x{2,3}?
			skip('?');
		}
		return size;
	}

	private long atom() {
		char c = this.pattern.charAt(this.position++);
		if (c == '(') {
			skipGroupPrefix();
			long inner = alternation();
			skip(')');
			return cap(inner + 2);
		}
		if (c == '[') {
			skipClass();
			return 1;
		}
		if (c == '\\') {
			return escape();
		}
		return 1;
	}

	/**
	 * Parses {@code {n}}, {@code {n,}} or {@code {n,m}}; -1 (nothing consumed) if none.
	 */
	private int countedRepeat() {
		int start = this.position;
		this.position++;
		int min = number();
		int max = min;
		if (skip(',')) {
			max = at('}') ? min + 1 : number();
		}
		if (min < 0 || max < 0 || !skip('}')) {
			this.position = start;
			return -1;
		}
		return Math.max(min, max);
	}

	private int number() {
		int start = this.position;
		long value = 0;
		while (!atEnd() && Character.isDigit(this.pattern.charAt(this.position))) {
			value = Math.min(value * 10 + (this.pattern.charAt(this.position++) - '0'), MAX_COUNT);
		}
		return (this.position == start) ? -1 : (int) value;
	}

	// (?:x) (?i) (?i:x) (?P<name>x) (?<name>x)
	private void skipGroupPrefix() {
		if (!skip('?')) {
			return;
		}
		if (skip('P') || at('<')) {
			skipPast('>');
			return;
		}
		while (!atEnd() && (Character.isLetter(this.pattern.charAt(this.position)) || at('-'))) {
			this.position++;
		}
		skip(':');
	}

	private void skipClass() {
		skip('^');
		skip(']');
		while (!atEnd()) {
			char c = this.pattern.charAt(this.position++);
			if (c == '\\') {
				this.position = Math.min(this.position + 1, this.pattern.length());
			}
			else if (c == '[' && at(':')) {
				skipPast(']');
			}
			else if (c == ']') {
				return;
			}
		}
	}

	private long escape() {
		if (atEnd()) {
			return 1;
		}
		char c = this.pattern.charAt(this.position++);
		if (c == 'Q') {
			int end = this.pattern.indexOf("\\E", this.position);
			int stop = (end < 0) ? this.pattern.length() : end;
			long literal = Math.max(stop - this.position, 1);
			this.position = (end < 0) ? stop : end + 2;
			return cap(literal);
		}
		if ((c == 'p' || c == 'P' || c == 'x') && at('{')) {
			skipPast('}');
		}
		return 1;
	}

	private void skipPast(char c) {
		int end = this.pattern.indexOf(c, this.position);
		this.position = (end < 0) ? this.pattern.length() : end + 1;
	}

	private boolean skip(char c) {
		if (at(c)) {
			this.position++;
			return true;
		}
		return false;
	}

	private boolean at(char c) {
		return !atEnd() && this.pattern.charAt(this.position) == c;
	}

	private boolean atEnd() {
		return this.position >= this.pattern.length();
	}

	private long cap(long size) {
		return Math.min(size, this.limit + 1);
	}

}
