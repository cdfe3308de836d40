package io.ruche.server.api;

import java.time.Clock;
import java.util.List;

import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.TenantStore;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.security.TenantProvisioning;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates tenants; only admins of the bootstrap tenant (platform admins) may.
 */
@RestController
@RequestMapping("/api/tenants")
@Tag(name = "Tenants", description = "Platform administration")
public class TenantController {

	private final TenantStore tenants;

	private final TenantProvisioning provisioning;

	private final ApiKeyService keys;

	private final Clock clock;

	public TenantController(TenantStore tenants, TenantProvisioning provisioning, ApiKeyService keys, Clock clock) {
		this.tenants = tenants;
		this.provisioning = provisioning;
		this.keys = keys;
		this.clock = clock;
	}

	@RequiresRole(value = Role.ADMIN, operation = "listing tenants", platformAdmin = true)
	@GetMapping
	@Operation(summary = "List the tenants (platform admin)")
	public List<TenantView> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		return this.tenants.list()
			.stream()
			.map((t) -> new TenantView(t.id().value(), t.name(), t.platformAdmin(), t.createdAt().toString()))
			.toList();
	}

	@RequiresRole(value = Role.ADMIN, operation = "creating tenants", platformAdmin = true)
	@PostMapping
	@Operation(
			summary = "Create a tenant and its first admin key (platform admin: an admin key of the bootstrap tenant)")
	@ResponseStatus(HttpStatus.CREATED)
	public CreatedTenant create(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody NewTenant body) {
		if (body.name() == null || body.name().isBlank()) {
			throw new InvalidArgumentsException("name is required, for example {\"name\": \"acme\"}");
		}
		TenantId id = InvalidArgumentsException
			.reading(() -> TenantId.of(body.name().trim().toLowerCase(java.util.Locale.ROOT)));
		if (this.tenants.find(id).isPresent()) {
			throw new StoreConflictException("tenant '" + id.value() + "' already exists");
		}
		this.provisioning.create(new Tenant(id, body.name().trim(), false, this.clock.instant()), principal.actor(),
				principal.tenant());
		ApiKeyService.IssuedKey admin = this.keys.issue(id, Role.ADMIN, "first admin", principal.actor());
		return new CreatedTenant(id.value(), body.name().trim(), admin.secret());
	}

	/**
	 * A tenant.
	 *
	 * @param id the tenant id
	 * @param name the tenant name
	 * @param platform_admin whether it is the bootstrap tenant
	 * @param created_at when it was created
	 */
	@SuppressWarnings("checkstyle:RecordComponentName")
	public record TenantView(String id, String name, boolean platform_admin, String created_at) {
	}

	/**
	 * The body of a tenant creation.
	 *
	 * @param name the tenant name; its lowercase form becomes the id
	 */
	public record NewTenant(String name) {
	}

	/**
	 * A created tenant and its first admin key.
	 *
	 * @param id the tenant id
	 * @param name the tenant name
	 * @param admin_key the admin key secret, shown once
	 */
	@SuppressWarnings("checkstyle:RecordComponentName")
	public record CreatedTenant(String id, String name, String admin_key) {
	}

}
