package io.ruche.server.mcp;

import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * One MCP session of the HTTP endpoint, bound to the API key that opened it, with what
 * tells whether it is still in use: its open streams and the time of its last request.
 */
final class BoundSession {

	private final String publicId;

	private final String sdkId;

	private final Principal owner;

	private final @Nullable PinnedAgent pin;

	private final @Nullable String pinnedAs;

	private final AtomicInteger openStreams = new AtomicInteger();

	private volatile long lastSeen;

	/**
	 * @param publicId the id the client knows the session by
	 * @param sdkId the MCP SDK's id of the session, which never reaches the client as a
	 * session id
	 * @param owner who opened it
	 * @param pin the agent it is pinned to, or null for the shared server
	 * @param pinnedAs the agent as the client wrote it, or null
	 * @param now the current {@link System#nanoTime()}
	 */
	BoundSession(String publicId, String sdkId, Principal owner, @Nullable PinnedAgent pin, @Nullable String pinnedAs,
			long now) {
		this.publicId = publicId;
		this.sdkId = sdkId;
		this.owner = owner;
		this.pin = pin;
		this.pinnedAs = pinnedAs;
		this.lastSeen = now;
	}

	String publicId() {
		return this.publicId;
	}

	String sdkId() {
		return this.sdkId;
	}

	Principal owner() {
		return this.owner;
	}

	@Nullable PinnedAgent pin() {
		return this.pin;
	}

	@Nullable String pinnedAs() {
		return this.pinnedAs;
	}

	boolean ownedBy(Principal caller) {
		return this.owner.keyId().equals(caller.keyId());
	}

	void seen(long now) {
		this.lastSeen = now;
	}

	void streamOpened() {
		this.openStreams.incrementAndGet();
	}

	void streamClosed(long now) {
		this.openStreams.decrementAndGet();
		this.lastSeen = now;
	}

	/**
	 * Tells whether the session has gone unused: no open stream and no request for the
	 * given time.
	 * @param now the current {@link System#nanoTime()}
	 * @param timeoutNanos the idle time allowed
	 * @return true when it is idle
	 */
	boolean idle(long now, long timeoutNanos) {
		return this.openStreams.get() <= 0 && now - this.lastSeen >= timeoutNanos;
	}

}
