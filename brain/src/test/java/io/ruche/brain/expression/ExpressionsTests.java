package io.ruche.brain.expression;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ExpressionsTests {

	private final Expressions expressions = Expressions.create();

	private static ExpressionInput reply(String response, Map<String, String> variables) {
		return new ExpressionInput("hello", response, variables, Map.of());
	}

	@Test
	void acceptsTheContractExamples() {
		assertThat(this.expressions.check("!response.contains(\"guarantee\")", ExpressionKind.CONSTRAINT))
			.isInstanceOf(ExpressionCheck.Valid.class);
		assertThat(this.expressions.check("size(response) <= 600", ExpressionKind.CONSTRAINT))
			.isInstanceOf(ExpressionCheck.Valid.class);
		assertThat(this.expressions.check("has(variables.order_number)", ExpressionKind.TRANSITION))
			.isInstanceOf(ExpressionCheck.Valid.class);
		assertThat(this.expressions.check("variables.order_number.matches(\"^[0-9]{6}$\")", ExpressionKind.TRANSITION))
			.isInstanceOf(ExpressionCheck.Valid.class);
	}

	@Test
	void rejectsSyntaxErrorsWithTheParserMessage() {
		ExpressionCheck check = this.expressions.check("size(response <= 600", ExpressionKind.CONSTRAINT);

		assertThat(check).isInstanceOf(ExpressionCheck.Invalid.class);
		assertThat(((ExpressionCheck.Invalid) check).message()).contains("ERROR");
	}

	@Test
	void rejectsResponseInTransitions() {
		ExpressionCheck check = this.expressions.check("response == \"x\"", ExpressionKind.TRANSITION);

		assertThat(check).isInstanceOf(ExpressionCheck.Invalid.class);
		assertThat(((ExpressionCheck.Invalid) check).message()).contains("response");
	}

	@Test
	void rejectsNonBooleanExpressions() {
		ExpressionCheck check = this.expressions.check("size(response)", ExpressionKind.CONSTRAINT);

		assertThat(check).isInstanceOf(ExpressionCheck.Invalid.class);
		assertThat(((ExpressionCheck.Invalid) check).message()).contains("must be a boolean expression");
	}

	@Test
	void evaluatesConstraintsOnTheResponse() {
		ExpressionResult broken = this.expressions.evaluate("!response.contains(\"guarantee\")",
				ExpressionKind.CONSTRAINT, reply("We guarantee it", Map.of()));
		ExpressionResult kept = this.expressions.evaluate("size(response) <= 600", ExpressionKind.CONSTRAINT,
				reply("short", Map.of()));

		assertThat(broken).isInstanceOf(ExpressionResult.False.class);
		assertThat(kept).isInstanceOf(ExpressionResult.True.class);
	}

	@Test
	void hasTestsWhetherAVariableWasCollected() {
		ExpressionResult present = this.expressions.evaluate("has(variables.order_number)", ExpressionKind.TRANSITION,
				ExpressionInput.forTransition("m", Map.of("order_number", "123456"), Map.of()));
		ExpressionResult absent = this.expressions.evaluate("has(variables.order_number)", ExpressionKind.TRANSITION,
				ExpressionInput.forTransition("m", Map.of(), Map.of()));

		assertThat(present).isInstanceOf(ExpressionResult.True.class);
		assertThat(absent).isInstanceOf(ExpressionResult.False.class);
	}

	@Test
	void matchesARegularExpressionOnAVariable() {
		String source = "variables.order_number.matches(\"^[0-9]{6}$\")";

		ExpressionResult good = this.expressions.evaluate(source, ExpressionKind.TRANSITION,
				ExpressionInput.forTransition("m", Map.of("order_number", "123456"), Map.of()));
		ExpressionResult bad = this.expressions.evaluate(source, ExpressionKind.TRANSITION,
				ExpressionInput.forTransition("m", Map.of("order_number", "12a"), Map.of()));

		assertThat(good).isInstanceOf(ExpressionResult.True.class);
		assertThat(bad).isInstanceOf(ExpressionResult.False.class);
	}

	// ISSUE-9 hole 4: RE2/J expands counted repetitions without a limit; this pattern
	// exhausted the heap when the constraint was checked
	@Test
	void refusesAPatternThatWouldCompileTooLarge() {
		ExpressionCheck check = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> this.expressions
			.check("response.matches(\"((a{1000}){1000}){1000}\")", ExpressionKind.CONSTRAINT));

		assertThat(check).isInstanceOf(ExpressionCheck.Invalid.class);
		assertThat(((ExpressionCheck.Invalid) check).message()).contains("the pattern of matches() is too large");
	}

	// the message would otherwise be compiled as a pattern, so the interlocutor could
	// write one
	@Test
	void refusesAPatternThatIsNotALiteral() {
		ExpressionCheck check = this.expressions.check("matches(variables.code, message)", ExpressionKind.TRANSITION);

		assertThat(check).isInstanceOf(ExpressionCheck.Invalid.class);
		assertThat(((ExpressionCheck.Invalid) check).message()).contains("takes its pattern as a quoted string");
	}

	@Test
	void reportsAMissingKeyAsAnError() {
		ExpressionResult result = this.expressions.evaluate("variables.order_number == \"1\"",
				ExpressionKind.TRANSITION, ExpressionInput.forTransition("m", Map.of(), Map.of()));

		assertThat(result).isInstanceOf(ExpressionResult.Error.class);
	}

	@Test
	void reportsAnInvalidExpressionAsAnErrorOnEvaluation() {
		ExpressionResult result = this.expressions.evaluate("response ==", ExpressionKind.CONSTRAINT,
				reply("x", Map.of()));

		assertThat(result).isInstanceOf(ExpressionResult.Error.class);
	}

	@Test
	void stopsRunawayComprehensions() {
		Expressions tight = Expressions.create(new ExpressionLimits(2_000, 10, 500, 100));

		ExpressionResult result = tight.evaluate("[1,2,3,4,5,6,7,8,9,10,11,12].all(x, x > 0)",
				ExpressionKind.CONSTRAINT, reply("x", Map.of()));

		assertThat(result).isInstanceOf(ExpressionResult.Error.class);
	}

	@Test
	void readsInterlocutorFieldsAndTheMessage() {
		ExpressionResult result = this.expressions.evaluate(
				"interlocutor.tier == \"gold\" && message.contains(\"refund\")", ExpressionKind.TRANSITION,
				new ExpressionInput("I want a refund", null, Map.of(), Map.of("tier", "gold")));

		assertThat(result).isInstanceOf(ExpressionResult.True.class);
	}

	@Test
	void readsProfileFieldsUnderInterlocutorFields() {
		ExpressionInput input = new ExpressionInput("hi", null, Map.of(), Map.of("email", "ana@example.org"));

		assertThat(this.expressions.evaluate(
				"has(interlocutor.fields.email) && interlocutor.fields.email.endsWith(\".org\")",
				ExpressionKind.TRANSITION, input))
			.isInstanceOf(ExpressionResult.True.class);
		assertThat(this.expressions.evaluate("has(interlocutor.fields.phone)", ExpressionKind.TRANSITION, input))
			.isInstanceOf(ExpressionResult.False.class);
	}

}
