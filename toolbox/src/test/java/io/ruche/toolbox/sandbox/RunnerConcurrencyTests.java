package io.ruche.toolbox.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.model.ToolStatus;
import io.ruche.toolbox.support.ToolServers;
import io.ruche.toolbox.support.Toolbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner under load, on platform and on virtual threads (docs/conventions.md, Tests).
 */
class RunnerConcurrencyTests {

	private static final TenantId FLOODER = TenantId.of("flooder");

	private static final TenantId QUIET = TenantId.of("quiet");

	private static final Map<String, Object> ARGS = Map.of("city", "Oslo");

	private ToolServers servers;

	private Toolbox toolbox;

	enum ThreadMode {

		PLATFORM(() -> Executors.newFixedThreadPool(48)), VIRTUAL(Executors::newVirtualThreadPerTaskExecutor);

		private final Supplier<ExecutorService> executors;

		ThreadMode(Supplier<ExecutorService> executors) {
			this.executors = executors;
		}

	}

	@BeforeEach
	void start() throws Exception {
		this.servers = new ToolServers();
		this.toolbox = new Toolbox();
		for (TenantId tenant : List.of(FLOODER, QUIET)) {
			this.toolbox.registerHttp(tenant, "slow", this.servers.url("/slow"), SideEffect.PURE, 5_000);
			this.toolbox.registerHttp(tenant, "echo", this.servers.url("/echo"), SideEffect.PURE, 5_000);
		}
	}

	@AfterEach
	void stop() {
		this.servers.close();
	}

	@ParameterizedTest
	@EnumSource(ThreadMode.class)
	void aFloodingTenantIsCappedWithoutBlockingAnother(ThreadMode mode) throws Exception {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(4, 1));
		List<Callable<ToolOutcome>> flood = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			flood.add(() -> runner.invoke(InvocationRequest.of(FLOODER, "key1", "slow", ARGS)));
		}
		List<Callable<ToolOutcome>> quiet = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			quiet.add(() -> runner.invoke(InvocationRequest.of(QUIET, "key2", "echo", ARGS)));
		}

		List<ToolOutcome> flooded;
		List<ToolOutcome> served;
		try (ExecutorService executor = mode.executors.get()) {
			List<Future<ToolOutcome>> floodFutures = flood.stream().map(executor::submit).toList();
			Thread.sleep(50);
			served = executor.invokeAll(quiet).stream().map(RunnerConcurrencyTests::get).toList();
			flooded = floodFutures.stream().map(RunnerConcurrencyTests::get).toList();
		}

		assertThat(served).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(ToolStatus.OK));
		assertThat(flooded).extracting(ToolOutcome::status).containsOnly(ToolStatus.OK, ToolStatus.RATE_LIMITED);
		assertThat(flooded).filteredOn((outcome) -> outcome.status() == ToolStatus.RATE_LIMITED)
			.isNotEmpty()
			.allSatisfy((outcome) -> assertThat(((ToolOutcome.Failed) outcome).failure())
				.isEqualTo(new ToolFailure.RateLimited("slow", "tenant_concurrency")));
		assertThat(this.servers.maxInFlight()).isLessThanOrEqualTo(4);
	}

	@ParameterizedTest
	@EnumSource(ThreadMode.class)
	void concurrentCallsOfTwoTenantsAllCompleteWithinTheirLimits(ThreadMode mode) throws Exception {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(64, 1));
		List<Callable<ToolOutcome>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			TenantId tenant = (i % 2 == 0) ? FLOODER : QUIET;
			calls.add(() -> runner.invoke(InvocationRequest.of(tenant, "key", "echo", Map.of("city", "c"))));
		}

		List<ToolOutcome> outcomes;
		try (ExecutorService executor = mode.executors.get()) {
			outcomes = executor.invokeAll(calls).stream().map(RunnerConcurrencyTests::get).toList();
		}

		assertThat(outcomes).extracting(ToolOutcome::status).containsOnly(ToolStatus.OK);
		assertThat(this.toolbox.audit.records()).filteredOn((r) -> r.action().equals("tool.invoke")).hasSize(100);
		assertThat(this.toolbox.audit.records()).filteredOn((r) -> r.action().equals("tool.invoke.start")).hasSize(100);
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
