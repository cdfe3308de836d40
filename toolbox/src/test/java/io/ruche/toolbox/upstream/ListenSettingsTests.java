package io.ruche.toolbox.upstream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ListenSettingsTests {

	private final ListenSettings settings = new ListenSettings(Duration.ofMillis(500), Duration.ofSeconds(30),
			Duration.ofSeconds(1), Duration.ofSeconds(10));

	@Test
	void reconnectionPauseDoublesUpToTheMaximum() {
		assertThat(this.settings.reconnectDelay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.settings.reconnectDelay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.settings.reconnectDelay(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.settings.reconnectDelay(5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.settings.reconnectDelay(10_000)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void refusesAMaximumBelowTheFirstPause() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ListenSettings(Duration.ZERO, Duration.ofSeconds(1),
				Duration.ofSeconds(5), Duration.ofSeconds(1)));
	}

}
