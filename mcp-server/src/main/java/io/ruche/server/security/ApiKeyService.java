package io.ruche.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.TenantStore;
import org.jspecify.annotations.Nullable;

/**
 * Issues and authenticates API keys. Secrets are stored only as SHA-256 hashes;
 * successful look-ups are cached briefly so that the hot path of every MCP call does not
 * hit the store. Issuing, labelling and revoking are audited ({@code key.create},
 * {@code key.label}, {@code key.revoke}) in the key's tenant, with who did it.
 */
public class ApiKeyService {

	private static final SecureRandom RANDOM = new SecureRandom();

	// never updated, only copied, so shared by all threads
	private static final MessageDigest SHA_256 = sha256Prototype();

	private final ApiKeyStore keys;

	private final TenantStore tenants;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<String, CachedPrincipal> cache = new ConcurrentHashMap<>();

	public ApiKeyService(ApiKeyStore keys, TenantStore tenants, AuditLog audit, Clock clock, Duration cacheTtl) {
		this.keys = keys;
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
		this.cacheTtl = cacheTtl;
	}

	/**
	 * Creates a key with a random secret.
	 * @param tenant the tenant
	 * @param role the role
	 * @param label what the admin calls it, or null
	 * @param actor who issues it, for the audit
	 * @return the secret, shown once
	 * @throws IllegalArgumentException when the label is too long
	 */
	public IssuedKey issue(TenantId tenant, Role role, @Nullable String label, Actor actor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return register(tenant, role, secret, label, actor);
	}

	/**
	 * Stores a key whose secret the operator chose (the bootstrap key).
	 * @param tenant the tenant
	 * @param role the role
	 * @param secret the secret
	 * @param label what the admin calls it, or null
	 * @param actor who registers it, for the audit
	 * @return the key
	 */
	public IssuedKey register(TenantId tenant, Role role, String secret, @Nullable String label, Actor actor) {
		ApiKey key = new ApiKey(Ids.newId("key"), tenant, role, hash(secret), this.clock.instant(), null, label);
		this.keys.create(key);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("key_role", role.wireName());
		if (key.label() != null) {
			details.put("label", key.label());
		}
		this.audit.append(AuditRecord.change(tenant, actor, "key.create", key.id(), details, key.createdAt()));
		return new IssuedKey(key.id(), secret, role);
	}

	/**
	 * Changes what the admins call a key.
	 * @param tenant the tenant
	 * @param keyId the key id
	 * @param label the new label, or null (or blank) for none
	 * @param actor who changes it, for the audit
	 * @return true when the tenant had that key
	 * @throws IllegalArgumentException when the label is too long
	 */
	public boolean relabel(TenantId tenant, String keyId, @Nullable String label, Actor actor) {
		String kept = ApiKey.label(label);
		boolean relabelled = this.keys.relabel(tenant, keyId, kept);
		if (relabelled) {
			this.audit.append(AuditRecord.change(tenant, actor, "key.label", keyId,
					(kept != null) ? Map.of("label", kept) : Map.of(), this.clock.instant()));
		}
		return relabelled;
	}

	/**
	 * Authenticates a presented secret.
	 * @param secret the bearer token
	 * @return the principal, or empty when the key is unknown or revoked
	 */
	public Optional<Principal> authenticate(String secret) {
		String hash = hash(secret);
		Instant now = this.clock.instant();
		CachedPrincipal cached = this.cache.get(hash);
		if (cached != null && cached.until().isAfter(now)) {
			return Optional.of(cached.principal());
		}
		Optional<Principal> principal = this.keys.findByHash(hash)
			.filter((k) -> k.revokedAt() == null)
			.map((k) -> new Principal(k.tenant(), k.role(), k.id(),
					this.tenants.find(k.tenant()).map(Tenant::platformAdmin).orElse(false)));
		principal.ifPresentOrElse((p) -> this.cache.put(hash, new CachedPrincipal(p, now.plus(this.cacheTtl))),
				() -> this.cache.remove(hash));
		return principal;
	}

	/**
	 * Revokes a key; it stops working on this instance at once and on others within the
	 * cache TTL.
	 * @param tenant the tenant
	 * @param keyId the key id
	 * @param actor who revokes it, for the audit
	 * @return true when the tenant had that key
	 */
	public boolean revoke(TenantId tenant, String keyId, Actor actor) {
		boolean revoked = this.keys.revoke(tenant, keyId);
		this.cache.values().removeIf((c) -> c.principal().keyId().equals(keyId));
		if (revoked) {
			this.audit.append(AuditRecord.change(tenant, actor, "key.revoke", keyId, Map.of(), this.clock.instant()));
		}
		return revoked;
	}

	static String hash(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	static byte[] sha256(String secret) {
		try {
			// a copy of a prototype: looking the algorithm up among the providers on
			// every
			// request cost more than the digest (docs/performance.md)
			return ((MessageDigest) SHA_256.clone()).digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the JDK's SHA-256 can be copied", ex);
		}
	}

	private static MessageDigest sha256Prototype() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	/**
	 * A freshly issued key.
	 *
	 * @param id the key id
	 * @param secret the secret, shown once
	 * @param role the role
	 */
	public record IssuedKey(String id, String secret, Role role) {

		@Override
		public String toString() {
			return "IssuedKey[id=" + this.id + ", role=" + this.role + "]";
		}

	}

	private record CachedPrincipal(Principal principal, Instant until) {
	}

}
