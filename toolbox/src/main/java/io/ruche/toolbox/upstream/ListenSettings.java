package io.ruche.toolbox.upstream;

import java.time.Duration;

/**
 * How the listeners of upstream MCP servers behave.
 *
 * @param debounce how long to wait after a {@code tools/list_changed} before re-syncing;
 * every notification within that window is served by one re-sync
 * @param pingInterval how often an open session is checked with a ping
 * @param reconnectInitial the pause before the first reconnection attempt
 * @param reconnectMax the longest pause between attempts (the pause doubles after each
 * failure up to this)
 */
public record ListenSettings(Duration debounce, Duration pingInterval, Duration reconnectInitial,
		Duration reconnectMax) {

	public ListenSettings {
		if (debounce.isNegative() || !pingInterval.isPositive() || !reconnectInitial.isPositive()
				|| reconnectMax.compareTo(reconnectInitial) < 0) {
			throw new IllegalArgumentException("invalid listen settings: debounce " + debounce + ", ping interval "
					+ pingInterval + ", reconnect " + reconnectInitial + " to " + reconnectMax);
		}
	}

	/**
	 * The pause before the next connection attempt, without jitter.
	 * @param failures the attempts that failed in a row, at least 1
	 * @return {@code reconnectInitial} doubled per earlier failure, at most
	 * {@code reconnectMax}
	 */
	public Duration reconnectDelay(int failures) {
		Duration delay = this.reconnectInitial;
		for (int i = 1; i < failures && delay.compareTo(this.reconnectMax) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.reconnectMax) > 0) ? this.reconnectMax : delay;
	}

}
