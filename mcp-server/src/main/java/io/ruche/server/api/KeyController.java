package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
		Role role = InvalidArgumentsException.reading(() -> Role.parse(body.role()));
		ApiKeyService.IssuedKey issued = InvalidArgumentsException
			.reading(() -> this.keys.issue(principal.tenant(), role, body.label(), principal.actor()));
		return new CreatedKey(issued.secret(), issued.role().wireName(), issued.id(), ApiKey.label(body.label()));
	}

	@RequiresRole(value = Role.ADMIN, operation = "listing keys")
	@GetMapping
	public List<KeyView> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		return this.store.list(principal.tenant())
			.stream()
			.map((k) -> new KeyView(k.id(), k.role().wireName(), k.label(), k.createdAt().toString(),
					(k.revokedAt() != null) ? k.revokedAt().toString() : null))
			.toList();
	}

	@RequiresRole(value = Role.ADMIN, operation = "labelling keys")
	@PatchMapping("/{id}")
	@Operation(summary = "Change a key's label (admin): {\"label\": \"support chatbot\"}; an empty label removes it")
	public Map<String, Object> relabel(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id, @RequestBody KeyLabel body) {
		if (!InvalidArgumentsException
			.reading(() -> this.keys.relabel(principal.tenant(), id, body.label(), principal.actor()))) {
			throw new UnknownObjectException("key", id);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		String label = ApiKey.label(body.label());
		if (label != null) {
			answer.put("label", label);
		}
		return answer;
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
	 * @param label what the admins call the key (who holds it), optional
	 */
	public record NewKey(String role, @Nullable String label) {
	}

	/**
	 * The body of a label change.
	 *
	 * @param label the new label; null or empty for none
	 */
	public record KeyLabel(@Nullable String label) {
	}

	/**
	 * A created key.
	 *
	 * @param key the secret, shown once
	 * @param role the role
	 * @param id the key id
	 * @param label its label, or null
	 */
	public record CreatedKey(String key, String role, String id, @Nullable String label) {
	}

	/**
	 * A stored key, without its secret.
	 *
	 * @param id the key id
	 * @param role the role
	 * @param label what the admins call it, or null
	 * @param created_at when it was created
	 * @param revoked_at when it was revoked, or null
	 */
	public record KeyView(String id, String role, @Nullable String label, String created_at,
			@Nullable String revoked_at) {
	}

}
