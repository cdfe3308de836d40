package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the caller who its key makes it: the console signs in with this.
 */
@RestController
@Tag(name = "Identity")
public class MeController {

	@RequiresRole(value = Role.VIEWER, operation = "reading who you are")
	@GetMapping("/api/me")
	@Operation(summary = "The tenant and role of the presented key (any role)")
	public Map<String, Object> me(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("tenant", principal.tenant().value());
		me.put("role", principal.role().wireName());
		me.put("key_id", principal.keyId());
		me.put("platform_admin", principal.platformAdmin());
		return me;
	}

}
