package io.ruche.server.security;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, hole 2: every {@code ?agent=} used to create an MCP server (and a thread) that
 * was never freed, for any key and any name. Unknown agents are now refused before
 * anything is created, the servers of pinned agents are bounded per tenant and released
 * once no session uses them.
 */
class PinnedServersIT extends McpSecuritySupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void refusesUnknownAgentsWithoutCreatingServersOrThreads() throws Exception {
		String viewer = newKey(newTenant(), "viewer").secret();
		String otherTenantsAgent = unique("elsewhere");
		call(client(newTenant()), "agent_upsert", Map.of("name", otherTenantsAgent));
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		double serversBefore = servers();

		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			answers.add(initialize("?agent=nosuch_" + i, viewer));
		}
		HttpResponse<String> foreign = initialize("?agent=" + otherTenantsAgent, viewer);

		for (int i = 0; i < answers.size(); i++) {
			HttpResponse<String> answer = answers.get(i);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(answer.body()).get("detail").toString()).contains("Unknown agent 'nosuch_" + i + "'");
		}
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).contains(otherTenantsAgent).doesNotContain("Exception");
		assertThat(servers()).isEqualTo(serversBefore);
		assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(threadsBefore + 20);
	}

	@Test
	void boundsPinnedServersPerTenantAndReleasesThemWhenTheirSessionsEnd() throws Exception {
		String admin = newTenant();
		McpSyncClient builder = client(admin);
		List<String> agents = new ArrayList<>();
		for (int i = 0; i <= PINNED_AGENTS_PER_TENANT; i++) {
			agents.add(unique("pinned"));
			call(builder, "agent_upsert", Map.of("name", agents.get(i)));
		}
		double serversBefore = servers();
		List<McpSyncClient> pinned = new ArrayList<>();
		for (String agent : agents.subList(0, PINNED_AGENTS_PER_TENANT)) {
			pinned.add(client(admin, "?agent=" + agent, (spec) -> {
			}));
		}
		McpSyncClient secondSessionOfFirstAgent = client(admin, "?agent=" + agents.get(0), (spec) -> {
		});

		HttpResponse<String> overLimit = initialize("?agent=" + agents.get(PINNED_AGENTS_PER_TENANT), admin);

		assertThat(servers()).isEqualTo(serversBefore + PINNED_AGENTS_PER_TENANT);
		assertThat(overLimit.statusCode()).isEqualTo(429);
		assertThat(json(overLimit.body()).get("detail").toString()).contains(String.valueOf(PINNED_AGENTS_PER_TENANT))
			.contains("platform.mcp.pinned-agents-per-tenant");

		pinned.forEach(this::close);
		await("the idle servers released, the one still in use kept", () -> servers() == serversBefore + 1);
		secondSessionOfFirstAgent.ping();
		assertThat(initialize("?agent=" + agents.get(PINNED_AGENTS_PER_TENANT), admin).statusCode()).isEqualTo(200);
	}

	@Test
	void releasesTheServerOfASessionItsClientAbandoned() throws Exception {
		String admin = newTenant();
		String agent = unique("abandoned");
		call(client(admin), "agent_upsert", Map.of("name", agent));
		double serversBefore = servers();

		HttpResponse<String> opened = initialize("?agent=" + agent, admin);

		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(servers()).isEqualTo(serversBefore + 1);
		await("the abandoned session expired and its server released", Duration.ofSeconds(30),
				() -> servers() == serversBefore);
		String sessionId = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
		assertThat(send("DELETE", "/mcp", admin, sessionId, null).statusCode()).isEqualTo(404);
	}

	private double servers() {
		return this.meters.get("ruche.mcp.servers").gauge().value();
	}

}
