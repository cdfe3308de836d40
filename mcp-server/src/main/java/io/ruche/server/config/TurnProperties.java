package io.ruche.server.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How turns of one session wait for each other, under the prefix {@code platform.turns};
 * see {@code docs/operations.md} and docs/brain.md, Fabric.
 *
 * @param maxWait how long a message waits for the turns ahead of it in its session (and,
 * under {@code merge}, for its window) before it is refused as retryable
 * ({@code RUCHE_TURN_WAIT})
 */
@ConfigurationProperties("platform.turns")
public record TurnProperties(@DefaultValue("30s") Duration maxWait) {

	public TurnProperties {
		if (maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("platform.turns.max-wait must be positive, was " + maxWait);
		}
	}

}
