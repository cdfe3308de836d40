package io.ruche.server.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of the MCP HTTP endpoint, each usable only with the key that opened it.
 * Clients know a session by a random public id drawn here; the SDK's id of the session,
 * which prefixes the ids of the requests the server sends to the client (elicitation,
 * sampling, roots, ping), never reaches them as a session id, so a session id that leaks
 * (logs, proxies) tells neither the session nor those request ids. A session unknown here
 * is refused before the SDK sees it: the registry fails closed.
 */
final class BoundSessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, BoundSession> byPublicId = new ConcurrentHashMap<>();

	private final Map<String, BoundSession> bySdkId = new ConcurrentHashMap<>();

	private final long idleTimeoutNanos;

	/**
	 * @param idleTimeout how long a session with no request and no open stream lives
	 */
	BoundSessions(Duration idleTimeout) {
		this.idleTimeoutNanos = idleTimeout.toNanos();
	}

	/**
	 * Binds a session the SDK just created to the key that initialized it.
	 * @param sdkId the SDK's session id
	 * @param owner the caller
	 * @param pin the pinned agent, or null
	 * @param pinnedAs the agent as the client wrote it, or null
	 * @param now the current {@link System#nanoTime()}
	 * @return the session, with the public id to give the client
	 */
	BoundSession bind(String sdkId, Principal owner, @Nullable PinnedAgent pin, @Nullable String pinnedAs, long now) {
		BoundSession session = new BoundSession(newPublicId(), sdkId, owner, pin, pinnedAs, now);
		this.bySdkId.put(sdkId, session);
		this.byPublicId.put(session.publicId(), session);
		return session;
	}

	/**
	 * Finds a session for a caller: another key's session is not found, exactly as one
	 * that does not exist.
	 * @param publicId the {@code Mcp-Session-Id} the caller sent
	 * @param caller the caller
	 * @return the session, when it exists and the caller opened it
	 */
	Optional<BoundSession> find(String publicId, Principal caller) {
		return Optional.ofNullable(this.byPublicId.get(publicId)).filter((s) -> s.ownedBy(caller));
	}

	/**
	 * The tenant of a session, by the SDK's id, for notifications.
	 * @param sdkId the SDK's session id
	 * @return the tenant, or empty when the session ended
	 */
	Optional<TenantId> tenantOf(String sdkId) {
		return Optional.ofNullable(this.bySdkId.get(sdkId)).map((s) -> s.owner().tenant());
	}

	List<BoundSession> ofTenant(TenantId tenant) {
		return this.byPublicId.values().stream().filter((s) -> s.owner().tenant().equals(tenant)).toList();
	}

	/**
	 * The agents that sessions are pinned to.
	 * @return the pinned agents
	 */
	Set<PinnedAgent> pins() {
		return this.byPublicId.values()
			.stream()
			.map(BoundSession::pin)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
	}

	void end(BoundSession session) {
		this.byPublicId.remove(session.publicId());
		this.bySdkId.remove(session.sdkId());
	}

	/**
	 * Ends the sessions that have gone unused for the idle timeout.
	 * @param now the current {@link System#nanoTime()}
	 */
	void endIdle(long now) {
		this.byPublicId.values().stream().filter((s) -> s.idle(now, this.idleTimeoutNanos)).toList().forEach(this::end);
	}

	int size() {
		return this.byPublicId.size();
	}

	private static String newPublicId() {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
