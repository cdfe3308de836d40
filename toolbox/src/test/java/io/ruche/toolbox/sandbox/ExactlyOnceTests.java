package io.ruche.toolbox.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.model.ToolStatus;
import io.ruche.toolbox.support.ToolServers;
import io.ruche.toolbox.support.Toolbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExactlyOnceTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final Map<String, Object> ORDER = Map.of("city", "Lyon");

	private ToolServers servers;

	private Toolbox toolbox;

	@BeforeEach
	void start() throws Exception {
		this.servers = new ToolServers();
		this.toolbox = new Toolbox();
		this.toolbox.registerHttp(ACME, "refund", this.servers.url("/count"), SideEffect.IRREVERSIBLE, 5_000);
	}

	@AfterEach
	void stop() {
		this.servers.close();
	}

	@Test
	void runsAnIrreversibleToolOnceForManyConcurrentCallsWithTheSameKey() throws Exception {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(64, 3));
		InvocationRequest request = InvocationRequest.of(ACME, "key1", "refund", ORDER).withIdempotencyKey("order-7");
		List<Callable<ToolOutcome>> calls = IntStream.range(0, 32)
			.mapToObj((i) -> (Callable<ToolOutcome>) () -> runner.invoke(request))
			.toList();

		List<ToolOutcome> outcomes;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			outcomes = executor.invokeAll(calls).stream().map(ExactlyOnceTests::get).toList();
		}

		assertThat(this.servers.calls("/count")).isEqualTo(1);
		assertThat(outcomes).filteredOn((outcome) -> outcome.status() == ToolStatus.OK)
			.isNotEmpty()
			.allSatisfy(
					(outcome) -> assertThat(((ToolOutcome.Completed) outcome).output()).isEqualTo(Map.of("count", 1L)));
		assertThat(outcomes)
			.allSatisfy((outcome) -> assertThat(outcome.status()).isIn(ToolStatus.OK, ToolStatus.REJECTED));
	}

	@Test
	void returnsTheRecordedOutcomeAfterARestartWithoutCallingAgain() {
		InvocationRequest request = InvocationRequest.of(ACME, "key1", "refund", ORDER).withIdempotencyKey("order-8");
		ToolOutcome first = this.toolbox.runner(Toolbox.policy(8, 3)).invoke(request);

		ToolOutcome afterRestart = this.toolbox.runner(Toolbox.policy(8, 3)).invoke(request);

		assertThat(first.status()).isEqualTo(ToolStatus.OK);
		assertThat(afterRestart).isInstanceOfSatisfying(ToolOutcome.Completed.class,
				(completed) -> assertThat(completed.output()).isEqualTo(((ToolOutcome.Completed) first).output()));
		assertThat(this.servers.calls("/count")).isEqualTo(1);
	}

	@Test
	void refusesToRerunACallThatCrashedBetweenBeginAndFinish() {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(8, 3));
		InvocationRequest request = InvocationRequest.of(ACME, "key1", "refund", ORDER).withIdempotencyKey("order-9");
		String digest = digestOfFirstCall(runner, request.withIdempotencyKey("probe"));
		this.toolbox.ledger
			.begin(new LedgerEntry(ACME, "refund", "order-9", digest, "started", null, Instant.now(), null));

		ToolOutcome outcome = runner.invoke(request);

		assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Failed.class, (failed) -> assertThat(failed.failure())
			.isInstanceOfSatisfying(ToolFailure.Rejected.class, (rejected) -> {
				assertThat(rejected.reason()).isEqualTo(Reason.ALREADY_RAN);
				assertThat(rejected.message()).isEqualTo("already started, outcome unknown: not re-run");
			}));
		assertThat(this.servers.calls("/count")).isEqualTo(1);
	}

	@Test
	void refusesAKeyReusedWithOtherArguments() {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(8, 3));
		runner.invoke(InvocationRequest.of(ACME, "key1", "refund", ORDER).withIdempotencyKey("order-10"));

		ToolOutcome outcome = runner.invoke(
				InvocationRequest.of(ACME, "key1", "refund", Map.of("city", "Nice")).withIdempotencyKey("order-10"));

		assertThat(outcome.status()).isEqualTo(ToolStatus.REJECTED);
		assertThat(this.servers.calls("/count")).isEqualTo(1);
	}

	private String digestOfFirstCall(ToolRunner runner, InvocationRequest probe) {
		runner.invoke(probe);
		return this.toolbox.ledger.find(ACME, "refund", "probe").orElseThrow().argumentsDigest();
	}

	private static ToolOutcome get(Future<ToolOutcome> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
