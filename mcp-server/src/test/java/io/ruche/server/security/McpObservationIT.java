package io.ruche.server.security;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /mcp} requests are not observed as generic HTTP requests (their tool calls are
 * timed per tool instead), while every other request still is.
 */
class McpObservationIT extends McpSecuritySupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void mcpRequestsAreNotTimedAsHttpRequests() throws Exception {
		long before = timedHttpRequests();

		assertThat(initialize("", ADMIN_KEY).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/me", ADMIN_KEY, null, null).statusCode()).isEqualTo(200);

		// The observation is recorded when the response is complete: wait for the one
		// of /api/me, then check that it is the only one.
		await("the REST request timed", () -> timedHttpRequests() > before);
		pause(Duration.ofMillis(300));
		assertThat(timedHttpRequests() - before).isEqualTo(1);
	}

	private long timedHttpRequests() {
		return this.meters.find("http.server.requests").timers().stream().mapToLong((timer) -> timer.count()).sum();
	}

}
