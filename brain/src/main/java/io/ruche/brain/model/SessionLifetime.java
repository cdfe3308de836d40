package io.ruche.brain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * When a session of an agent turns idle and when it closes, counted from its last change
 * (agent settings {@code idle_after} and {@code close_after}: an ISO-8601 duration such
 * as {@code PT45M}, or a number of minutes). The status is computed when a session is
 * read or used, not by a background job (docs/brain.md, Session lifecycle).
 *
 * @param idleAfter quiet time after which an active session is idle
 * @param closeAfter quiet time after which a session is closed
 */
public record SessionLifetime(Duration idleAfter, Duration closeAfter) {

	public static final String IDLE_AFTER = "idle_after";

	public static final String CLOSE_AFTER = "close_after";

	public static final Set<String> KEYS = Set.of(IDLE_AFTER, CLOSE_AFTER);

	public static final SessionLifetime DEFAULTS = new SessionLifetime(Duration.ofMinutes(30), Duration.ofHours(24));

	public SessionLifetime {
		if (idleAfter.isNegative() || idleAfter.isZero() || closeAfter.compareTo(idleAfter) <= 0) {
			throw new IllegalArgumentException(
					"idle_after must be positive and close_after longer than idle_after (got " + idleAfter + " and "
							+ closeAfter + ")");
		}
	}

	/**
	 * Reads the lifetime from an agent's settings.
	 * @param settings the agent's settings
	 * @return the lifetime, defaults for what is not set
	 * @throws IllegalArgumentException when a value is malformed or the order is wrong
	 */
	public static SessionLifetime from(Map<String, String> settings) {
		return new SessionLifetime(duration(settings.get(IDLE_AFTER), IDLE_AFTER, DEFAULTS.idleAfter),
				duration(settings.get(CLOSE_AFTER), CLOSE_AFTER, DEFAULTS.closeAfter));
	}

	/**
	 * The status of a session now: closed when it was closed or stayed quiet for
	 * {@code closeAfter}, idle after {@code idleAfter}, else active.
	 * @param session the session as stored
	 * @param now the current time
	 * @return the status
	 */
	public SessionStatus statusOf(Session session, Instant now) {
		if (session.status() == SessionStatus.CLOSED) {
			return SessionStatus.CLOSED;
		}
		Duration quiet = Duration.between(session.updatedAt(), now);
		if (quiet.compareTo(this.closeAfter) >= 0) {
			return SessionStatus.CLOSED;
		}
		return (quiet.compareTo(this.idleAfter) >= 0) ? SessionStatus.IDLE : SessionStatus.ACTIVE;
	}

	private static Duration duration(@Nullable String value, String key, Duration fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String text = value.strip();
		try {
			return text.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(text))
					: Duration.parse(text);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException(
					key + " must be an ISO-8601 duration (PT45M, P2D) or a number of minutes, not '" + text + "'");
		}
	}

}
