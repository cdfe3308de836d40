package io.ruche.server.mcp;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InvalidArgumentsException;

/**
 * A resource template with one id, {@code ruche://<kind>s/{<kind>}}, read by the viewer
 * role of the caller's tenant.
 *
 * @param uriTemplate the template, such as {@code ruche://sessions/{session}}
 * @param name the resource name
 * @param description what it holds
 * @param reader reads the resource of an id in a tenant
 */
record IdResource(String uriTemplate, String name, String description,
		BiFunction<TenantId, String, Object> reader) implements ResourceContributor {

	@Override
	public Object read(Principal principal, String uri) {
		principal.require(Role.VIEWER, "reading resources");
		String prefix = this.uriTemplate.substring(0, this.uriTemplate.indexOf('{'));
		Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "([^/]+)").matcher(uri);
		if (!matcher.matches()) {
			throw new InvalidArgumentsException("malformed URI");
		}
		return this.reader.apply(principal.tenant(), matcher.group(1));
	}

}
