package io.ruche.kernel.regex;

import java.util.List;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles user-supplied regular expressions with RE2/J, whose matching time grows
 * linearly with the input (no backtracking, so no ReDoS), and refuses with a message a
 * person can act on the patterns it cannot run or that would compile too large.
 */
public final class LinearRegex {

	/**
	 * The largest program a pattern may compile to, in RE2/J instructions (bounded before
	 * compiling: RE2/J expands counted repetitions and has no limit of its own). Matching
	 * costs at most this many steps per input character.
	 */
	public static final int MAX_PROGRAM_SIZE = 3_000;

	private static final String SYNTAX_PREFIX = "error parsing regexp: ";

	private static final int MAX_DETAIL = 200;

	// What RE2/J reports for backreferences, lookaround, atomic groups and possessive
	// quantifiers, constructs that need backtracking.
	private static final List<String> BACKTRACKING_ONLY = List.of("invalid or unsupported Perl syntax",
			"invalid escape sequence", "invalid named capture", "invalid nested repetition operator");

	private LinearRegex() {
	}

	/**
	 * Compiles a pattern written by a user.
	 * @param regex the pattern (RE2 syntax, close to Java's and ECMAScript's)
	 * @return the compiled pattern
	 * @throws IllegalArgumentException when the pattern is invalid, needs backtracking or
	 * is too large; the message completes "pattern ..." and never carries a stack trace
	 */
	public static Pattern compile(String regex) {
		if (ProgramSizeBound.of(regex, MAX_PROGRAM_SIZE) > MAX_PROGRAM_SIZE) {
			throw new IllegalArgumentException("is too large: its repetitions expand to more than " + MAX_PROGRAM_SIZE
					+ " steps (a count such as {1000} copies what it repeats); use smaller counts");
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(describe(ex), ex);
		}
	}

	private static String describe(PatternSyntaxException ex) {
		String message = String.valueOf(ex.getMessage());
		String full = message.startsWith(SYNTAX_PREFIX) ? message.substring(SYNTAX_PREFIX.length()) : message;
		// RE2/J quotes the offending part, which may be the whole (long) pattern
		String detail = (full.length() <= MAX_DETAIL) ? full : full.substring(0, MAX_DETAIL) + "...";
		if (BACKTRACKING_ONLY.stream().anyMatch(detail::startsWith)) {
			return "uses syntax a linear-time engine cannot run (" + detail
					+ "): backreferences, lookaround (lookahead, lookbehind), atomic groups and possessive"
					+ " quantifiers are not supported";
		}
		return "is not a valid regular expression: " + detail;
	}

}
