package io.ruche.server.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key that is not in the cache while the key store is down (bench/faults.sh postgres:
 * the direct turn got a bare HTTP 500 from Spring's error page) is told to retry.
 */
class BearerAuthenticationOutageTests {

	@TempDir
	Path dataDir;

	@Test
	void aKeyLookedUpWhileTheStoreIsDownIsToldToRetry() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		try (HikariDataSource dataSource = EmbeddedStores.dataSource(this.dataDir)) {
			EmbeddedStores.migrate(dataSource);
			JdbcStores stores = EmbeddedStores.jdbcStores(dataSource);
			BearerAuthenticationFilter filter = new BearerAuthenticationFilter(new ApiKeyService(stores.apiKeys(),
					stores.tenants(), stores.auditLog(), Clock.systemUTC(), Duration.ofSeconds(30)));
			dataSource.close();

			filter.doFilter(mcpRequest("rk_not-cached"), response, chain);
		}

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		@SuppressWarnings("unchecked")
		Map<String, Object> problem = JsonMapper.shared().readValue(response.getContentAsString(), Map.class);
		assertThat(problem).containsEntry("status", 503)
			.containsEntry("detail", "A backing store is unavailable; retry shortly.")
			.containsEntry("retryable", true);
		assertThat(chain.getRequest()).as("the request went no further").isNull();
	}

	private static MockHttpServletRequest mcpRequest(String key) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		request.addHeader("Authorization", "Bearer " + key);
		return request;
	}

}
