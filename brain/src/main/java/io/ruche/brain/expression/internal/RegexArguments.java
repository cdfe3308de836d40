package io.ruche.brain.expression.internal;

import java.util.List;
import java.util.Optional;

import com.google.re2j.Pattern;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import io.ruche.kernel.regex.LinearRegex;

/**
 * Checks the patterns given to {@code matches()} before a program is built. CEL compiles
 * them with RE2/J, which expands counted repetitions without a limit, so a pattern such
 * as {@code ((a{1000}){1000}){1000}} would exhaust the heap; and a pattern taken from the
 * message or the variables would let the interlocutor write one.
 */
final class RegexArguments {

	private RegexArguments() {
	}

	/**
	 * Finds the first unusable pattern of an expression.
	 * @param ast the checked expression
	 * @param maxProgramSize the largest program CEL runs a pattern with
	 * @return what is wrong, or empty
	 */
	static Optional<String> problem(CelAbstractSyntaxTree ast, int maxProgramSize) {
		return CelNavigableAst.fromAst(ast)
			.getRoot()
			.allNodes()
			.map(CelNavigableExpr::expr)
			.filter((expr) -> expr.getKind() == CelExpr.ExprKind.Kind.CALL && "matches".equals(expr.call().function()))
			.map((call) -> patternProblem(call, maxProgramSize))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static Optional<String> patternProblem(CelExpr call, int maxProgramSize) {
		// text.matches(pattern) or matches(text, pattern): the pattern comes last
		List<CelExpr> args = call.call().args();
		CelExpr pattern = args.get(args.size() - 1);
		if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT
				|| pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
			return Optional.of("matches() takes its pattern as a quoted string, such as matches(\"^[0-9]{6}$\"):"
					+ " a pattern computed from the message or the variables could be anything");
		}
		try {
			Pattern compiled = LinearRegex.compile(pattern.constant().stringValue());
			return (compiled.programSize() > maxProgramSize)
					? Optional.of("the pattern of matches() is too large (" + compiled.programSize()
							+ " steps, at most " + maxProgramSize + "): use smaller repetition counts")
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("the pattern of matches() " + ex.getMessage());
		}
	}

}
