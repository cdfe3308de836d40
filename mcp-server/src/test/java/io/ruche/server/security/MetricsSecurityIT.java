package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.modelcontextprotocol.client.McpSyncClient;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.Test;

import static io.ruche.server.toolbox.ToolboxItSupport.call;
import static io.ruche.server.toolbox.ToolboxItSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the metrics holes of issue 9: {@code /actuator/metrics} and
 * {@code /actuator/prometheus} answered anyone and listed every tenant's tool names, and
 * each unknown tool name a caller made up became a new series. // ISSUE-9 (hole 6)
 */
class MetricsSecurityIT extends AuditItSupport {

	private static final Pattern TOOL_SERIES = Pattern
		.compile("(?m)^ruche_tool_calls_seconds_count\\{[^}]*tool=\"([^\"]+)\"");

	@Test
	void metricsNeedAnOperatorCredential() {
		TestTenant tenant = newTenant("metrics");
		IssuedKey builderOfTheOperatorsTenant = new TestTenant(this, "default", OPERATOR_KEY).key("builder");

		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics",
				"/actuator/metrics/jvm.threads.live", "/actuator/info", "/actuator" }) {
			HttpResponse<String> anonymous = rest(null).get(path);
			HttpResponse<String> wrongKey = rest("not-a-key").get(path);
			HttpResponse<String> tenantAdmin = rest(tenant.adminKey()).get(path);
			HttpResponse<String> operatorsBuilder = rest(builderOfTheOperatorsTenant.secret()).get(path);

			assertThat(anonymous.statusCode()).as("anonymous %s", path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(anonymous.headers().firstValue("Content-Type"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
			assertThat(wrongKey.statusCode()).as("unknown key on %s", path).isEqualTo(401);
			assertThat(tenantAdmin.statusCode()).as("tenant admin on %s", path).isEqualTo(403);
			assertThat(RestClient.map(tenantAdmin).get("detail")).asString().contains("operator");
			assertThat(operatorsBuilder.statusCode()).as("builder of the bootstrap tenant on %s", path).isEqualTo(403);
		}
		assertThat(rest(OPERATOR_KEY).get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(rest(METRICS_TOKEN).get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(rest(METRICS_TOKEN).get("/actuator/metrics").statusCode()).isEqualTo(200);
	}

	@Test
	void healthStaysOpenForLoadBalancers() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness" }) {
			HttpResponse<String> health = rest(null).get(path);

			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(RestClient.map(health)).containsEntry("status", "UP");
		}
	}

	@Test
	void madeUpToolNamesCreateNoSeries() {
		TestTenant tenant = newTenant("cardinality");
		McpSyncClient client = mcp(tenant.key("client").secret());
		call(client, "tool_invoke", Map.of("name", "warm-up-unknown", "arguments", Map.of()));
		int before = scrape().length();

		for (int i = 0; i < 200; i++) {
			call(client, "tool_invoke", Map.of("name", "nosuch_" + i, "arguments", Map.of()));
		}

		String after = scrape();
		assertThat(after).doesNotContain("nosuch_");
		assertThat(after.length() - before).as("scrape growth in characters").isLessThan(4_000);
	}

	@Test
	void toolNamesInMetricsAreCapped() {
		TestTenant tenant = newTenant("manytools");
		McpSyncClient builder = mcp(tenant.key("builder").secret());
		int registered = MAX_TOOL_NAMES_IN_METRICS + 10;
		for (int i = 0; i < registered; i++) {
			String name = "counted_" + tenant.id().replace('-', '_') + "_" + i;
			ok(call(builder, "tool_register",
					Map.of("tool", Map.of("name", name, "description", "Counts text", "kind", "builtin", "target",
							"text.count", "side_effect", "pure", "input_schema", Map.of("type", "object")))));
			call(builder, "tool_invoke", Map.of("name", name, "arguments", Map.of("text", "one two")));
		}

		Matcher series = TOOL_SERIES.matcher(scrape());
		int toolNames = 0;
		boolean other = false;
		while (series.find()) {
			toolNames++;
			other |= "(other)".equals(series.group(1));
		}
		assertThat(toolNames).isLessThanOrEqualTo(MAX_TOOL_NAMES_IN_METRICS + 2);
		assertThat(other).as("calls beyond the cap are counted under tool=\"(other)\"").isTrue();
	}

	private String scrape() {
		HttpResponse<String> scraped = rest(METRICS_TOKEN).get("/actuator/prometheus");
		assertThat(scraped.statusCode()).isEqualTo(200);
		return scraped.body();
	}

}
