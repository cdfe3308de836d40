package io.ruche.kernel.regex;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LinearRegexTests {

	@Test
	void compilesEverydayPatterns() {
		assertThat(LinearRegex.compile("([0-9]{6})").matcher("order 123456").find()).isTrue();
		assertThat(
				LinearRegex.compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$").matcher("FR7630006000011234567890189").find())
			.isTrue();
		assertThat(LinearRegex.compile("(?i)\\bslot (\\d+)\\b").matcher("SLOT 4").find()).isTrue();
		assertThat(LinearRegex.compile("(?P<n>a)|(?<m>b)|\\Q(x){9}\\E|[\\]{}(]+").groupCount()).isEqualTo(2);
	}

	// ISSUE-9 hole 4: catastrophic backtracking patterns run in linear time
	@Test
	void matchesNestedQuantifiersInLinearTime() {
		String input = "a".repeat(100_000) + "!";

		boolean found = assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> LinearRegex.compile("^(a+)+$").matcher(input).find()
						|| LinearRegex.compile("(.*a){12}$").matcher(input).find());

		assertThat(found).isFalse();
	}

	@Test
	void refusesWhatNeedsBacktrackingSayingWhy() {
		for (String pattern : new String[] { "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(a)\\1", "a++", "(?>a)" }) {
			assertThatIllegalArgumentException().as(pattern)
				.isThrownBy(() -> LinearRegex.compile(pattern))
				.withMessageStartingWith("uses syntax a linear-time engine cannot run")
				.withMessageContaining("backreferences, lookaround");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> LinearRegex.compile("(a"))
			.withMessage("is not a valid regular expression: missing closing ): `(a`");
	}

	// RE2/J expands counts without a limit: this one would need 10^9 instructions
	@Test
	void refusesPatternsThatWouldCompileTooLarge() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(1),
					() -> LinearRegex.compile("((a{1000}){1000}){1000}")))
			.withMessageStartingWith("is too large");
		assertThatIllegalArgumentException().isThrownBy(() -> LinearRegex.compile("(?:[a-z]{100}|x){30}"))
			.withMessageStartingWith("is too large");
		assertThat(LinearRegex.compile("[a-z]{1,1000}").programSize())
			.isLessThanOrEqualTo(LinearRegex.MAX_PROGRAM_SIZE);
	}

	@Test
	void boundsTheCompiledSizeFromAbove() {
		String[] patterns = { "", "a", "[a-z]{1,1000}", "(a|bc|d)*?x{3,}", "((ab){3}c?){4,7}", "(?i:hello)+ world$",
				"\\Qa.b\\E{5}", "\\p{Greek}{2}\\x{41}", "^(?:[0-9]{3}-){2}[0-9]{4}$", "(?P<y>\\d{4})-(\\d{2})",
				"[^\\]]{0,10}|(){20}", "(?i)[[:alpha:]]{7}" };
		for (String pattern : patterns) {
			assertThat(ProgramSizeBound.of(pattern, Long.MAX_VALUE - 1)).as(pattern)
				.isGreaterThanOrEqualTo(LinearRegex.compile(pattern).programSize());
		}
	}

}
