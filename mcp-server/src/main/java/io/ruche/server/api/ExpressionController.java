package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.ruche.brain.expression.ExpressionCheck;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.Expressions;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a CEL expression exactly as an upsert would, so that an editor can validate as
 * the author types.
 */
@RestController
@Tag(name = "Expressions", description = "Live validation of CEL constraints and transition conditions")
public class ExpressionController {

	private final Expressions expressions;

	public ExpressionController(Expressions expressions) {
		this.expressions = expressions;
	}

	@RequiresRole(value = Role.VIEWER, operation = "checking expressions")
	@PostMapping("/api/expressions/check")
	@Operation(summary = "Check a CEL expression (viewer): {\"expression\": \"size(response) <= 600\", "
			+ "\"kind\": \"constraint\"|\"transition\"}; answers {valid, message?}")
	public Map<String, Object> check(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		Args args = new Args(body);
		String source = args.optionalString("expression");
		if (source == null) {
			throw new InvalidArgumentsException(
					"expression is required, for example {\"expression\": \"size(response) <= 600\"}");
		}
		String kindName = args.optionalString("kind");
		ExpressionKind kind = switch ((kindName != null) ? kindName.toLowerCase(Locale.ROOT) : "constraint") {
			case "constraint" -> ExpressionKind.CONSTRAINT;
			case "transition" -> ExpressionKind.TRANSITION;
			default ->
				throw new InvalidArgumentsException("kind must be 'constraint' or 'transition', got " + kindName);
		};
		Map<String, Object> result = new LinkedHashMap<>();
		if (source.isBlank()) {
			result.put("valid", false);
			result.put("message", "the expression is empty");
			return result;
		}
		ExpressionCheck check = this.expressions.check(source, kind);
		result.put("valid", check instanceof ExpressionCheck.Valid);
		if (check instanceof ExpressionCheck.Invalid invalid) {
			result.put("message", invalid.message());
		}
		return result;
	}

}
