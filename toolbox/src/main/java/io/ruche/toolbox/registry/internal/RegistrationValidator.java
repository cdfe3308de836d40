package io.ruche.toolbox.registry.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.egress.TargetUrls;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.registry.RegisterToolRequest;
import org.jspecify.annotations.Nullable;

/** Collects every problem of a registration before anything is saved. */
final class RegistrationValidator {

	static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

	// java.net.http refuses to set these; the transport owns Content-Type
	private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"upgrade", "content-type");

	private static final int MAX_DESCRIPTION = 4_000;

	private final SchemaValidator schemas;

	private final BuiltinTools builtins;

	RegistrationValidator(SchemaValidator schemas, BuiltinTools builtins) {
		this.schemas = schemas;
		this.builtins = builtins;
	}

	List<String> validate(RegisterToolRequest request) {
		List<String> problems = new ArrayList<>();
		if (!TOOL_NAME.matcher(request.name()).matches()) {
			problems.add("name '" + request.name() + "' is invalid: use 1-128 letters, digits, '_', '-' or '.'");
		}
		if (request.description().isBlank()) {
			problems.add("description is required");
		}
		else if (request.description().length() > MAX_DESCRIPTION) {
			problems.add("description is longer than " + MAX_DESCRIPTION + " characters");
		}
		ToolKind kind = request.endpoint().kind();
		if (kind != ToolKind.MCP) {
			checkObjectSchema("input_schema", request.inputSchema(), problems);
			if (request.outputSchema() != null) {
				checkObjectSchema("output_schema", request.outputSchema(), problems);
			}
		}
		checkTarget(kind, request.endpoint().target(), problems);
		request.endpoint().secretHeaders().forEach((name, value) -> checkHeader(name, value, problems));
		return problems;
	}

	List<String> checkObjectSchema(String label, @Nullable Map<String, Object> schema, List<String> problems) {
		if (schema == null || schema.isEmpty()) {
			problems.add(label + " is required");
			return problems;
		}
		if (!"object".equals(schema.get("type"))) {
			problems.add(label + " must have \"type\": \"object\" (MCP)");
		}
		this.schemas.checkSchema(schema).forEach((problem) -> problems.add(label + ": " + problem));
		return problems;
	}

	private void checkTarget(ToolKind kind, String target, List<String> problems) {
		if (kind == ToolKind.BUILTIN) {
			if (this.builtins.find(target).isEmpty()) {
				problems.add("target '" + target + "' is not a built-in tool; known: "
						+ String.join(", ", this.builtins.tools().keySet()));
			}
			return;
		}
		if (TargetUrls.hasUserInfo(target)) {
			// the target is stored and shown in clear: never echo it, never keep it
			problems.add("target must not carry credentials (user:password@): send them in secret_headers "
					+ "(for example Authorization), which are stored encrypted and never shown");
			return;
		}
		try {
			URI uri = new URI(target);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
				problems.add("target must be an absolute http or https URL, was '" + target + "'");
			}
		}
		catch (URISyntaxException ex) {
			problems.add("target is not a URL: " + ex.getReason());
		}
	}

	private static void checkHeader(String name, String value, List<String> problems) {
		if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			problems.add("secret header name '" + name + "' is invalid or reserved");
		}
		if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			// never echo the value: it is a secret
			problems.add("secret header '" + name + "' needs a single-line, non-blank value");
		}
	}

}
