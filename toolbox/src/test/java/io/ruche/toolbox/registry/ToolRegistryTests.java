package io.ruche.toolbox.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.UpstreamTools.UpstreamTool;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.support.FakeUpstreamTools;
import io.ruche.toolbox.support.Toolbox;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ToolRegistryTests {

	private static final TenantId ACME = TenantId.of("acme");

	private final FakeUpstreamTools upstream = new FakeUpstreamTools();

	private final Toolbox toolbox = new Toolbox(this.upstream);

	@Test
	void storesSecretsEncryptedAndNeverShowsThem() {
		RegistrationResult result = this.toolbox.registry.register(request("weather", ToolKind.HTTP,
				"https://api.example.com/weather", Map.of("Authorization", "Bearer t0ken")));

		ToolDefinition stored = this.toolbox.catalog.find(ACME, "weather").orElseThrow();
		assertThat(stored.secrets().get("Authorization")).startsWith("v1:").doesNotContain("t0ken");
		assertThat(result).isInstanceOfSatisfying(RegistrationResult.Registered.class, (registered) -> {
			ToolView view = registered.tools().get(0);
			assertThat(view.secretHeaders()).containsExactly("Authorization");
			assertThat(view.target()).isEqualTo("https://api.example.com/weather");
			assertThat(view.toString()).doesNotContain("t0ken");
		});
		assertThat(this.toolbox.broadcast.published())
			.containsExactly(new ConfigurationChanged(ACME, "*", "tool", "weather"));
	}

	@Test
	void refusesAnInvalidRegistrationWithEveryProblem() {
		RegisterToolRequest bad = new RegisterToolRequest(ACME, "bad name!", " ", Map.of("type", "strange"), null,
				new ToolEndpoint(ToolKind.HTTP, "ftp://x", Map.of("Host", "evil")),
				new ExecutionPolicy(1_000, SideEffect.PURE, false), Toolbox.ACTOR);

		RegistrationResult result = this.toolbox.registry.register(bad);

		assertThat(result).isInstanceOfSatisfying(RegistrationResult.Refused.class,
				(refused) -> assertThat(refused.problems()).hasSize(6));
		assertThat(this.toolbox.catalog.list(ACME)).isEmpty();
	}

	// ISSUE-9 (hole 9): credentials in a target were stored in clear and echoed
	@Test
	void refusesCredentialsInTheTargetWithoutEchoingThem() {
		RegistrationResult http = this.toolbox.registry
			.register(request("weather", ToolKind.HTTP, "https://bob:s3cr3t@api.example.com/weather", Map.of()));
		RegistrationResult mcp = this.toolbox.registry
			.register(request("hotel", ToolKind.MCP, "https://bob:s3cr3t@mcp.example.com/mcp", Map.of()));

		assertThat(List.of(http, mcp))
			.allSatisfy((result) -> assertThat(result).isInstanceOfSatisfying(RegistrationResult.Refused.class,
					(refused) -> assertThat(refused.problems()).singleElement(InstanceOfAssertFactories.STRING)
						.contains("secret_headers")
						.doesNotContain("bob")
						.doesNotContain("s3cr3t")));
		assertThat(this.upstream.listings).hasValue(0);
		assertThat(this.toolbox.catalog.list(ACME)).isEmpty();
	}

	@Test
	void showsAStoredLegacyTargetWithoutItsCredentials() {
		this.toolbox.catalog.save(
				new ToolDefinition(ACME, "legacy", "Registered before credentials were refused", Toolbox.CITY_SCHEMA,
						null, ToolKind.HTTP, "https://bob:s3cr3t@api.example.com/weather",
						new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(), null, 0, Instant.now()),
				this.toolbox.embeddings.embed("legacy"));

		ToolView view = this.toolbox.registry.find(ACME, "legacy").orElseThrow();

		assertThat(view.target()).isEqualTo("https://api.example.com/weather");
	}

	// ISSUE-9 (hole 1): an MCP registration connected without the egress policy
	@Test
	void refusesAnMcpServerTheEgressPolicyRefusesAndSavesNothing() {
		RegistrationResult result = this.toolbox.registry
			.register(request("internal", ToolKind.MCP, "http://10.0.0.5:8080/mcp", Map.of()));

		assertThat(result).isInstanceOfSatisfying(RegistrationResult.Refused.class,
				(refused) -> assertThat(refused.problems()).containsExactly("cannot list the tools of "
						+ "http://10.0.0.5:8080/mcp: egress_refused: host 10.0.0.5 resolves to a private, "
						+ "link-local or reserved address"));
		assertThat(this.upstream.listings).hasValue(0);
		assertThat(this.toolbox.catalog.list(ACME)).isEmpty();
	}

	@Test
	void refusesAnUnknownBuiltinTool() {
		RegistrationResult result = this.toolbox.registry
			.register(request("oops", ToolKind.BUILTIN, "no.such.tool", Map.of()));

		assertThat(result).isInstanceOf(RegistrationResult.Refused.class);
	}

	@Test
	void importsEveryToolOfAnUpstreamMcpServerUnderItsName() {
		this.upstream.tools.add(upstreamTool("get_forecast", Map.of("readOnlyHint", true)));
		this.upstream.tools.add(upstreamTool("book room", Map.of()));

		this.toolbox.registry.register(
				request("hotel", ToolKind.MCP, "https://mcp.example.com/mcp", Map.of("Authorization", "Bearer up")));

		assertThat(this.toolbox.registry.list(ACME)).extracting(ToolView::name)
			.containsExactly("hotel", "hotel.book_room", "hotel.get_forecast");
		assertThat(this.toolbox.catalog.find(ACME, "hotel.get_forecast").orElseThrow().execution().sideEffect())
			.isEqualTo(SideEffect.PURE);
		assertThat(this.upstream.lastHeaders).containsEntry("Authorization", "Bearer up");
	}

	@Test
	void resyncRemovesToolsTheUpstreamServerDropped() {
		this.upstream.tools.add(upstreamTool("a", Map.of()));
		this.upstream.tools.add(upstreamTool("b", Map.of()));
		this.toolbox.registry.register(request("srv", ToolKind.MCP, "https://mcp.example.com/mcp", Map.of()));
		this.upstream.tools.removeIf((tool) -> tool.name().equals("b"));

		RegistrationResult result = this.toolbox.registry.resync(ACME, "srv", Toolbox.ACTOR);

		assertThat(result).isInstanceOfSatisfying(RegistrationResult.Registered.class,
				(registered) -> assertThat(registered.removed()).containsExactly("srv.b"));
		assertThat(this.toolbox.registry.list(ACME)).extracting(ToolView::name).containsExactly("srv", "srv.a");
	}

	@Test
	void resyncOfAnUnchangedServerWritesNothingAndUpdatesAChangedTool() {
		this.upstream.tools.add(upstreamTool("a", Map.of()));
		this.upstream.tools.add(upstreamTool("b", Map.of()));
		this.toolbox.registry.register(request("srv", ToolKind.MCP, "https://mcp.example.com/mcp", Map.of()));
		int published = this.toolbox.broadcast.published().size();

		this.toolbox.registry.resync(ACME, "srv", Toolbox.ACTOR);

		assertThat(this.toolbox.broadcast.published()).hasSize(published);
		assertThat(this.toolbox.catalog.find(ACME, "srv.a").orElseThrow().version()).isEqualTo(1);

		this.upstream.tools.set(0,
				new UpstreamTool("a", "A tool that now does more", Map.of("type", "object"), null, Map.of()));
		RegistrationResult result = this.toolbox.registry.resync(ACME, "srv", Toolbox.ACTOR);

		assertThat(result).isInstanceOfSatisfying(RegistrationResult.Registered.class,
				(registered) -> assertThat(registered.tools()).extracting(ToolView::name)
					.containsExactly("srv", "srv.a", "srv.b"));
		assertThat(this.toolbox.catalog.find(ACME, "srv.a").orElseThrow().description())
			.isEqualTo("A tool that now does more");
		assertThat(this.toolbox.catalog.find(ACME, "srv.b").orElseThrow().version()).isEqualTo(1);
		assertThat(this.toolbox.broadcast.published()).hasSize(published + 1);
	}

	@Test
	void callsAnImportedToolUpstreamUnderItsUpstreamName() {
		this.upstream.tools.add(upstreamTool("book room", Map.of()));
		this.toolbox.registry.register(request("hotel", ToolKind.MCP, "http://127.0.0.1:9/mcp", Map.of()));
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(4, 1));

		ToolOutcome outcome = runner.invoke(InvocationRequest.of(ACME, "k", "hotel.book_room", Map.of()));

		assertThat(this.upstream.calledTools).containsExactly("book room");
		assertThat(outcome).isInstanceOf(ToolOutcome.Completed.class);
	}

	@Test
	void enablingAServerEnablesEveryImportedToolForTheAgent() {
		this.upstream.tools.add(upstreamTool("a", Map.of()));
		this.upstream.tools.add(upstreamTool("b", Map.of()));
		this.toolbox.registry.register(request("srv", ToolKind.MCP, "https://mcp.example.com/mcp", Map.of()));
		this.toolbox.registry.register(request("other", ToolKind.BUILTIN, "clock.now", Map.of()));

		boolean found = this.toolbox.registry.enable(ACME, "support", "srv", true, Toolbox.ACTOR);

		assertThat(found).isTrue();
		assertThat(this.toolbox.registry.listEnabled(ACME, "support")).extracting(ToolView::name)
			.containsExactly("srv.a", "srv.b");
		assertThat(this.toolbox.registry.listEnabled(ACME, "sales")).isEmpty();
		assertThat(this.toolbox.registry.enable(ACME, "support", "missing", true, Toolbox.ACTOR)).isFalse();
	}

	@Test
	void auditsEveryChangeWithTheKeyAndItsRole() { // ISSUE-9 (hole 11)
		this.upstream.tools.add(upstreamTool("a", Map.of()));
		this.toolbox.registry.register(request("srv", ToolKind.MCP, "https://mcp.example.com/mcp", Map.of()));
		this.toolbox.registry.resync(ACME, "srv", Toolbox.ACTOR);
		this.toolbox.registry.enable(ACME, "support", "srv", true, Toolbox.ACTOR);
		this.toolbox.registry.enable(ACME, "support", "srv", false, Toolbox.ACTOR);
		this.toolbox.registry.remove(ACME, "srv", Toolbox.ACTOR);
		this.toolbox.registry.register(request("refused", ToolKind.HTTP, "ftp://files.example.com/x", Map.of()));

		List<AuditRecord> records = this.toolbox.audit.records();
		assertThat(records).extracting(AuditRecord::action, AuditRecord::subject)
			.containsExactly(tuple("tool.register", "srv"), tuple("tool.resync", "srv"), tuple("tool.enable", "srv"),
					tuple("tool.disable", "srv"), tuple("tool.remove", "srv"));
		assertThat(records).allSatisfy((r) -> {
			assertThat(r.actor()).isEqualTo("key_builder");
			assertThat(r.details()).containsEntry("role", "builder");
			assertThat(r.details().values()).noneMatch((value) -> value.contains("mcp.example.com"));
		});
		assertThat(records.get(0).details()).containsEntry("kind", "mcp").containsEntry("tools", "2");
	}

	private static RegisterToolRequest request(String name, ToolKind kind, String target, Map<String, String> secrets) {
		return new RegisterToolRequest(ACME, name, "Tool " + name, Toolbox.CITY_SCHEMA, null,
				new ToolEndpoint(kind, target, secrets), new ExecutionPolicy(5_000, SideEffect.IRREVERSIBLE, false),
				Toolbox.ACTOR);
	}

	private static UpstreamTool upstreamTool(String name, Map<String, Object> annotations) {
		return new UpstreamTool(name, "", Map.of("type", "object"), null, annotations);
	}

}
