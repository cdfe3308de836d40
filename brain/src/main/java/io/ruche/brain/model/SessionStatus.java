package io.ruche.brain.model;

/**
 * The lifecycle of a conversation session. A store keeps {@code ACTIVE} or {@code CLOSED}
 * (closed by {@code session_close}); {@code IDLE}, and {@code CLOSED} after a quiet time,
 * are computed from the agent's {@link SessionLifetime} when the session is read or used.
 */
public enum SessionStatus {

	ACTIVE, IDLE, CLOSED

}
