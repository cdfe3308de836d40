package io.ruche.brain.expression.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.ruche.brain.expression.ExpressionCheck;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.ExpressionLimits;
import io.ruche.brain.expression.ExpressionResult;
import io.ruche.brain.expression.Expressions;

/**
 * {@link Expressions} on cel-java, with one environment and one program cache per kind.
 */
public final class CelExpressions implements Expressions {

	private final Map<ExpressionKind, Environment> environments;

	private CelExpressions(ExpressionLimits limits) {
		this.environments = Map.of(ExpressionKind.CONSTRAINT, new Environment(build(limits, true), limits),
				ExpressionKind.TRANSITION, new Environment(build(limits, false), limits));
	}

	public static Expressions create(ExpressionLimits limits) {
		return new CelExpressions(limits);
	}

	private static Cel build(ExpressionLimits limits, boolean withResponse) {
		CelOptions options = CelOptions.current()
			.maxExpressionCodePointSize(limits.maxSourceLength())
			.comprehensionMaxIterations(limits.maxIterations())
			.maxRegexProgramSize(limits.maxRegexProgramSize())
			.build();
		var builder = CelFactory.standardCelBuilder()
			.setOptions(options)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.addVar("message", SimpleType.STRING)
			.addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
			.addVar("interlocutor", MapType.create(SimpleType.STRING, SimpleType.DYN));
		if (withResponse) {
			builder.addVar("response", SimpleType.STRING);
		}
		return builder.build();
	}

	// one environment per kind, all built in the constructor
	private Environment environment(ExpressionKind kind) {
		return Objects.requireNonNull(this.environments.get(kind));
	}

	@Override
	public ExpressionCheck check(String source, ExpressionKind kind) {
		return switch (environment(kind).compiled(source)) {
			case Compiled.Ok ok -> new ExpressionCheck.Valid();
			case Compiled.Failed failed -> new ExpressionCheck.Invalid(failed.message());
		};
	}

	@Override
	public ExpressionResult evaluate(String source, ExpressionKind kind, ExpressionInput input) {
		return switch (environment(kind).compiled(source)) {
			case Compiled.Failed failed -> new ExpressionResult.Error(failed.message());
			case Compiled.Ok ok -> run(ok.program(), kind, input);
		};
	}

	private static ExpressionResult run(CelRuntime.Program program, ExpressionKind kind, ExpressionInput input) {
		Map<String, Object> activation = new HashMap<>();
		activation.put("message", input.message());
		activation.put("variables", input.variables());
		// Profile fields read as interlocutor.x and as interlocutor.fields.x.
		Map<String, Object> interlocutor = new HashMap<>(input.interlocutor());
		interlocutor.put("fields", input.interlocutor());
		activation.put("interlocutor", interlocutor);
		if (kind == ExpressionKind.CONSTRAINT) {
			activation.put("response", (input.response() != null) ? input.response() : "");
		}
		try {
			Object value = program.eval(activation);
			if (value instanceof Boolean bool) {
				return bool ? new ExpressionResult.True() : new ExpressionResult.False();
			}
			return new ExpressionResult.Error("expression did not evaluate to a boolean");
		}
		catch (CelEvaluationException | RuntimeException ex) {
			return new ExpressionResult.Error(String.valueOf(ex.getMessage()));
		}
	}

	/** A compiled expression or the reason it did not compile. */
	private sealed interface Compiled {

		record Ok(CelRuntime.Program program) implements Compiled {
		}

		record Failed(String message) implements Compiled {
		}

	}

	/** One CEL environment and its cache of compiled programs. */
	private static final class Environment {

		private final Cel cel;

		private final int maxCached;

		private final int maxRegexProgramSize;

		private final ConcurrentHashMap<String, Compiled> cache = new ConcurrentHashMap<>();

		Environment(Cel cel, ExpressionLimits limits) {
			this.cel = cel;
			this.maxCached = limits.maxCachedPrograms();
			this.maxRegexProgramSize = limits.maxRegexProgramSize();
		}

		Compiled compiled(String source) {
			Compiled cached = this.cache.get(source);
			if (cached != null) {
				return cached;
			}
			Compiled fresh = compile(source);
			if (this.cache.size() >= this.maxCached) {
				// Crude bound: expressions come from configuration, so a full cache means
				// churn.
				this.cache.clear();
			}
			this.cache.putIfAbsent(source, fresh);
			return fresh;
		}

		private Compiled compile(String source) {
			if (source.isBlank()) {
				return new Compiled.Failed("expression is empty");
			}
			try {
				CelValidationResult result = this.cel.compile(source);
				if (result.hasError()) {
					return new Compiled.Failed(result.getErrorString());
				}
				CelAbstractSyntaxTree ast = result.getAst();
				Optional<String> badPattern = RegexArguments.problem(ast, this.maxRegexProgramSize);
				if (badPattern.isPresent()) {
					return new Compiled.Failed(badPattern.get());
				}
				if (!SimpleType.BOOL.equals(ast.getResultType())) {
					return new Compiled.Failed("must be a boolean expression, but its type is "
							+ ast.getResultType().name() + " (compare the value, e.g. variables.x == \"yes\")");
				}
				return new Compiled.Ok(this.cel.createProgram(ast));
			}
			catch (Exception ex) {
				return new Compiled.Failed(String.valueOf(ex.getMessage()));
			}
		}

	}

}
