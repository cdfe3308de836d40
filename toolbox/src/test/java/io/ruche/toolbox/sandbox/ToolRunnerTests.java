package io.ruche.toolbox.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.model.ToolStatus;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.ToolEndpoint;
import io.ruche.toolbox.support.ToolServers;
import io.ruche.toolbox.support.Toolbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ToolRunnerTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final Map<String, Object> PARIS = Map.of("city", "Paris");

	private ToolServers servers;

	private Toolbox toolbox;

	private ToolRunner runner;

	@BeforeEach
	void start() throws Exception {
		this.servers = new ToolServers();
		this.toolbox = new Toolbox();
		this.runner = this.toolbox.runner(Toolbox.policy(8, 3));
	}

	@AfterEach
	void stop() {
		this.servers.close();
	}

	@Test
	void completesACallWithTheToolsJsonAnswer() {
		this.toolbox.registerHttp(ACME, "echo", this.servers.url("/echo"), SideEffect.PURE, 5_000);

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "echo", PARIS));

		assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Completed.class,
				(completed) -> assertThat(completed.output()).isEqualTo(Map.of("echo", PARIS)));
		assertThat(outcome.status()).isEqualTo(ToolStatus.OK);
	}

	@Test
	void sendsDecryptedSecretHeadersToTheTarget() {
		this.toolbox.registry.register(new RegisterToolRequest(ACME, "echo", "Echo", Toolbox.CITY_SCHEMA, null,
				new ToolEndpoint(ToolKind.HTTP, this.servers.url("/echo"), Map.of("X-Api-Key", "s3cret")),
				new ExecutionPolicy(5_000, SideEffect.PURE, false), Toolbox.ACTOR));

		this.runner.invoke(InvocationRequest.of(ACME, "key1", "echo", PARIS));

		assertThat(this.servers.lastHeader("X-Api-Key")).isEqualTo("s3cret");
	}

	@Test
	void refusesAnUnknownTool() {
		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "nope", PARIS));

		assertThat(failure(outcome)).isInstanceOf(ToolFailure.UnknownTool.class);
		assertThat(outcome.status()).isEqualTo(ToolStatus.ERROR);
	}

	@Test
	void validatesArgumentsBeforeAnythingRuns() {
		this.toolbox.registerHttp(ACME, "count", this.servers.url("/count"), SideEffect.PURE, 5_000);

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "count", Map.of("city", 42)));

		assertThat(failure(outcome)).isInstanceOfSatisfying(ToolFailure.InvalidArguments.class,
				(invalid) -> assertThat(invalid.problems()).containsExactly("$.city: must be a string"));
		assertThat(this.servers.calls("/count")).isZero();
	}

	@Test
	void abandonsAHangingToolAtItsTimeout() {
		this.toolbox.registerHttp(ACME, "hang", this.servers.url("/hang"), SideEffect.PURE, 300);

		long start = System.nanoTime();
		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "hang", PARIS));

		assertThat(failure(outcome)).isInstanceOf(ToolFailure.SandboxTimeout.class);
		assertThat(outcome.status()).isEqualTo(ToolStatus.TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.servers.calls("/hang")).isEqualTo(1);
	}

	@Test
	void dropsAnAnswerLargerThanTheCap() {
		this.toolbox.registerHttp(ACME, "flood", this.servers.url("/flood"), SideEffect.PURE, 5_000);

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "flood", PARIS));

		assertThat(failure(outcome)).isInstanceOfSatisfying(ToolFailure.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE));
	}

	@Test
	void retriesAFlakyIdempotentToolAfterA5xx() {
		this.toolbox.registerHttp(ACME, "flaky", this.servers.url("/flaky"), SideEffect.IDEMPOTENT, 5_000);

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "flaky", PARIS));

		assertThat(outcome.status()).isEqualTo(ToolStatus.OK);
		assertThat(this.servers.calls("/flaky")).isEqualTo(2);
	}

	@Test
	void neverRetriesAnIrreversibleTool() {
		this.toolbox.registerHttp(ACME, "flaky", this.servers.url("/flaky"), SideEffect.IRREVERSIBLE, 5_000);

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "flaky", PARIS));

		assertThat(failure(outcome)).isInstanceOf(ToolFailure.ToolCrashed.class);
		assertThat(this.servers.calls("/flaky")).isEqualTo(1);
	}

	@Test
	void opensTheCircuitOfAToolThatKeepsFailing() {
		SandboxPolicy d = SandboxPolicy.DEFAULTS;
		ToolRunner strict = this.toolbox.runner(new SandboxPolicy(d.timeoutCap(), d.maxResponseBytes(), 1000, 1000,
				1000, 8, new SandboxPolicy.Breaker(50, 4, Duration.ofMinutes(1)),
				new SandboxPolicy.Retry(1, Duration.ZERO)));
		this.toolbox.registerHttp(ACME, "hang", this.servers.url("/hang"), SideEffect.PURE, 50);
		for (int i = 0; i < 4; i++) {
			strict.invoke(InvocationRequest.of(ACME, "key1", "hang", PARIS));
		}

		ToolOutcome outcome = strict.invoke(InvocationRequest.of(ACME, "key1", "hang", PARIS));

		assertThat(outcome.status()).isEqualTo(ToolStatus.CIRCUIT_OPEN);
		// At most the four that timed out: on a loaded machine a call can time out
		// before the server has even counted it.
		assertThat(this.servers.calls("/hang")).isBetween(1, 4);
	}

	@Test
	void refusesPrivateLinkLocalAndLoopbackTargets() {
		ToolRunner guarded = this.toolbox.runner(Toolbox.policy(8, 1), EgressPolicy.DEFAULTS);
		this.toolbox.registerHttp(ACME, "private", "http://10.1.2.3/x", SideEffect.PURE, 5_000);
		this.toolbox.registerHttp(ACME, "metadata", "http://169.254.169.254/latest", SideEffect.PURE, 5_000);
		this.toolbox.registerHttp(ACME, "local", this.servers.url("/count"), SideEffect.PURE, 5_000);

		List<ToolFailure> failures = List.of("private", "metadata", "local")
			.stream()
			.map((name) -> failure(guarded.invoke(InvocationRequest.of(ACME, "key1", name, PARIS))))
			.toList();

		assertThat(failures)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOfSatisfying(ToolFailure.Rejected.class,
					(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.EGRESS_REFUSED)));
		assertThat(this.servers.calls("/count")).isZero();
	}

	@Test
	void refusesHostsOutsideTheTenantsAllowList() {
		ToolRunner guarded = this.toolbox.runner(Toolbox.policy(8, 1),
				new EgressPolicy(Map.of(ACME, Set.of("api.example.com")), true));
		this.toolbox.registerHttp(ACME, "count", this.servers.url("/count"), SideEffect.PURE, 5_000);

		ToolOutcome outcome = guarded.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS));

		assertThat(outcome.status()).isEqualTo(ToolStatus.REJECTED);
		assertThat(this.servers.calls("/count")).isZero();
	}

	// ISSUE-9 (hole 9): a target stored with credentials before they were refused
	@Test
	void refusesALegacyTargetWithCredentialsWithoutEchoingThem() {
		String url = this.servers.url("/count").replace("http://", "http://bob:s3cr3t@");
		this.toolbox.catalog.save(
				new ToolDefinition(ACME, "legacy", "Counts", Toolbox.CITY_SCHEMA, null, ToolKind.HTTP, url,
						new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(), null, 0, Instant.now()),
				this.toolbox.embeddings.embed("legacy"));

		ToolOutcome outcome = this.runner.invoke(InvocationRequest.of(ACME, "key1", "legacy", PARIS));

		assertThat(failure(outcome)).isInstanceOfSatisfying(ToolFailure.Rejected.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(Reason.EGRESS_REFUSED);
			assertThat(rejected.message()).startsWith("egress_refused: the target carries credentials")
				.doesNotContain("bob")
				.doesNotContain("s3cr3t");
		});
		assertThat(this.toolbox.audit.records().toString()).doesNotContain("s3cr3t");
		assertThat(this.servers.calls("/count")).isZero();
	}

	@Test
	void refusesAToolNotEnabledForTheAgent() {
		this.toolbox.registerHttp(ACME, "count", this.servers.url("/count"), SideEffect.PURE, 5_000);
		this.toolbox.registry.enable(ACME, "support", "count", true, Toolbox.ACTOR);

		ToolOutcome other = this.runner.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS).withAgent("sales"));
		ToolOutcome enabled = this.runner
			.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS).withAgent("support"));

		assertThat(failure(other)).isInstanceOfSatisfying(ToolFailure.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.NOT_ENABLED));
		assertThat(enabled.status()).isEqualTo(ToolStatus.OK);
	}

	@Test
	void asksForConfirmationAndRefusesWithoutAWayToAsk() {
		this.toolbox.registry.register(new RegisterToolRequest(ACME, "count", "Counts", Toolbox.CITY_SCHEMA, null,
				new ToolEndpoint(ToolKind.HTTP, this.servers.url("/count"), Map.of()),
				new ExecutionPolicy(5_000, SideEffect.PURE, true), Toolbox.ACTOR));
		InvocationRequest request = InvocationRequest.of(ACME, "key1", "count", PARIS);

		ToolOutcome noWay = this.runner.invoke(request);
		ToolOutcome refused = this.runner.invoke(request.withConfirmation((ask) -> false));
		ToolOutcome confirmed = this.runner.invoke(request.withConfirmation((ask) -> ask.toolName().equals("count")));

		assertThat(failure(noWay).message()).contains("requires confirmation");
		assertThat(failure(refused)).isInstanceOfSatisfying(ToolFailure.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.CONFIRMATION_REFUSED));
		assertThat(confirmed.status()).isEqualTo(ToolStatus.OK);
		assertThat(this.servers.calls("/count")).isEqualTo(1);
	}

	@Test
	void enforcesThePerToolRateAndTheDailyQuota() {
		SandboxPolicy d = SandboxPolicy.DEFAULTS;
		ToolRunner limited = this.toolbox
			.runner(new SandboxPolicy(d.timeoutCap(), d.maxResponseBytes(), 100, 2, 3, 8, d.breaker(), d.retry()));
		this.toolbox.registerHttp(ACME, "a", this.servers.url("/count"), SideEffect.PURE, 5_000);
		this.toolbox.registerHttp(ACME, "b", this.servers.url("/count"), SideEffect.PURE, 5_000);

		List<ToolStatus> statuses = List.of("a", "a", "a", "b", "b")
			.stream()
			.map((name) -> limited.invoke(InvocationRequest.of(ACME, "key1", name, PARIS)).status())
			.toList();

		assertThat(statuses).containsExactly(ToolStatus.OK, ToolStatus.OK, ToolStatus.RATE_LIMITED, ToolStatus.OK,
				ToolStatus.REJECTED);
	}

	@Test
	void auditsEveryCallWithAnArgumentDigestAndNoArguments() {
		this.toolbox.registerHttp(ACME, "echo", this.servers.url("/echo"), SideEffect.PURE, 5_000);
		this.toolbox.registry.enable(ACME, "a1", "echo", true, Toolbox.ACTOR);

		this.runner.invoke(InvocationRequest.of(ACME, "key1", "echo", PARIS).withSession("s1").withAgent("a1"));
		this.runner.invoke(InvocationRequest.of(ACME, "key1", "nope", PARIS).withSession("s1"));

		List<AuditRecord> records = this.toolbox.audit.listForSession(ACME, "s1");
		assertThat(records).extracting(AuditRecord::subject, AuditRecord::outcome)
			.containsExactly(tuple("echo", "started"), tuple("echo", "ok"), tuple("nope", "error"));
		assertThat(records.get(1).details().get("arguments_sha256")).hasSize(64);
		assertThat(records).allSatisfy((r) -> assertThat(r.details().toString()).doesNotContain("Paris"));
	}

	@Test
	void runsBuiltinTools() {
		this.toolbox.registry.register(new RegisterToolRequest(ACME, "count_text", "Counts words",
				Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))), null,
				new ToolEndpoint(ToolKind.BUILTIN, "text.count", Map.of()),
				new ExecutionPolicy(1_000, SideEffect.PURE, false), Toolbox.ACTOR));

		ToolOutcome outcome = this.runner
			.invoke(InvocationRequest.of(ACME, "key1", "count_text", Map.of("text", "one two\nthree")));

		assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Completed.class,
				(completed) -> assertThat(completed.output())
					.isEqualTo(Map.of("characters", 13, "words", 3, "lines", 2L)));
	}

	static ToolFailure failure(ToolOutcome outcome) {
		assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
		return ((ToolOutcome.Failed) outcome).failure();
	}

}
