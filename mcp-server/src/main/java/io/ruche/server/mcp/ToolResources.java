package io.ruche.server.mcp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.Role;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.ToolJson;
import io.ruche.toolbox.ToolRegistry;

/**
 * The resource template {@code ruche://tools/{tool}}: a registered tool as JSON (the
 * registry's redacted view: secret header names, never their values).
 */
public final class ToolResources implements ResourceContributor {

	private static final Pattern TOOL = Pattern.compile("ruche://tools/([^/?#]+)");

	private final ToolRegistry registry;

	public ToolResources(ToolRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String uriTemplate() {
		return "ruche://tools/{tool}";
	}

	@Override
	public String name() {
		return "tool";
	}

	@Override
	public String description() {
		return "A registered Toolbox tool: description, schemas, kind, target, limits (secrets never shown)";
	}

	@Override
	public Object read(Principal principal, String uri) {
		principal.require(Role.VIEWER, "resource " + uri);
		Matcher matcher = TOOL.matcher(uri);
		if (!matcher.matches()) {
			throw new InvalidArgumentsException("not a tool URI");
		}
		String name = java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
		return this.registry.find(principal.tenant(), name)
			.map(ToolJson::write)
			.orElseThrow(() -> new UnknownObjectException("tool", name));
	}

}
