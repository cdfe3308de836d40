package io.ruche.server.api;

import java.util.List;

import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manages the API keys of the caller's tenant; tenant admins only.
 */
@RestController
@RequestMapping("/api/keys")
@Tag(name = "Keys", description = "API keys of the caller's tenant (admin)")
public class KeyController {

	private final ApiKeyService keys;

	private final ApiKeyStore store;

	public KeyController(ApiKeyService keys, ApiKeyStore store) {
		this.keys = keys;
		this.store = store;
	}

	@RequiresRole(value = Role.ADMIN, operation = "creating keys")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public CreatedKey create(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody NewKey body) {
		if (body.role() == null) {
			throw new InvalidArgumentsException("role is required: admin, builder, client or viewer");
		}
		ApiKeyService.IssuedKey issued = this.keys.issue(principal.tenant(),
				InvalidArgumentsException.reading(() -> Role.parse(body.role())), principal.actor());
		return new CreatedKey(issued.secret(), issued.role().wireName(), issued.id());
	}

	@RequiresRole(value = Role.ADMIN, operation = "listing keys")
	@GetMapping
	public List<KeyView> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		return this.store.list(principal.tenant())
			.stream()
			.map((k) -> new KeyView(k.id(), k.role().wireName(), k.createdAt().toString(),
					(k.revokedAt() != null) ? k.revokedAt().toString() : null))
			.toList();
	}

	@RequiresRole(value = Role.ADMIN, operation = "revoking keys")
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> revoke(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return this.keys.revoke(principal.tenant(), id, principal.actor()) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	/**
	 * The body of a key creation.
	 *
	 * @param role admin, builder, client or viewer
	 */
	public record NewKey(String role) {
	}

	/**
	 * A created key.
	 *
	 * @param key the secret, shown once
	 * @param role the role
	 * @param id the key id
	 */
	public record CreatedKey(String key, String role, String id) {
	}

	/**
	 * A stored key, without its secret.
	 *
	 * @param id the key id
	 * @param role the role
	 * @param created_at when it was created
	 * @param revoked_at when it was revoked, or null
	 */
	public record KeyView(String id, String role, String created_at,
			@org.jspecify.annotations.Nullable String revoked_at) {
	}

}
