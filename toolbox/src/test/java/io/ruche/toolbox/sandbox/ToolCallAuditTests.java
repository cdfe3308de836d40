package io.ruche.toolbox.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.model.ToolStatus;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.support.ToolServers;
import io.ruche.toolbox.support.Toolbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * No tool call runs without its audit record, and what a caller sends is bounded before
 * anything runs. // ISSUE-9 (hole 5)
 */
class ToolCallAuditTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final Map<String, Object> PARIS = Map.of("city", "Paris");

	private ToolServers servers;

	private Toolbox toolbox;

	@BeforeEach
	void start() throws Exception {
		this.servers = new ToolServers();
		this.toolbox = new Toolbox();
		this.toolbox.registerHttp(ACME, "count", this.servers.url("/count"), SideEffect.PURE, 5_000);
	}

	@AfterEach
	void stop() {
		this.servers.close();
	}

	@Test
	void aCallWhoseAuditRecordCannotBeWrittenDoesNotRun() {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(8, 3), new EgressPolicy(Map.of(), true),
				new UnavailableAuditLog(), ToolMetrics.NONE);

		ToolOutcome outcome = runner.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS));

		assertThat(this.servers.calls("/count")).isZero();
		assertThat(outcome.status()).isEqualTo(ToolStatus.REJECTED);
		assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Failed.class,
				(failed) -> assertThat(failed.failure().message()).contains("audit"));
	}

	@Test
	void aCallThatRunsIsAuditedBeforeAndAfter() {
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(8, 3));

		runner.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS).withSession("s1"));

		List<AuditRecord> records = this.toolbox.audit.listForSession(ACME, "s1");
		assertThat(records).extracting(AuditRecord::action, AuditRecord::outcome)
			.containsExactly(tuple("tool.invoke.start", "started"), tuple("tool.invoke", "ok"));
		assertThat(records.get(1).details().get("call")).isEqualTo(records.get(0).details().get("call")).isNotBlank();
	}

	@Test
	void boundsWhatTheCallerSendsBeforeAnythingRuns() {
		InvocationRequest request = InvocationRequest.of(ACME, "key1", "count", PARIS);

		assertThatIllegalArgumentException().isThrownBy(() -> request.withSession("s".repeat(201)))
			.withMessageContaining("session")
			.withMessageContaining("200");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationRequest.of(ACME, "key1", "t".repeat(501), PARIS))
			.withMessageContaining("tool name")
			.withMessageContaining("128");
		assertThatIllegalArgumentException().isThrownBy(() -> request.withAgent("a".repeat(201)))
			.withMessageContaining("agent");
		assertThat(request.withSession("s".repeat(200)).sessionId()).hasSize(200);
	}

	@Test
	void namesNoToolInMetricsForACallOfAnUnknownName() {
		List<String> recorded = new CopyOnWriteArrayList<>();
		ToolRunner runner = this.toolbox.runner(Toolbox.policy(8, 3), new EgressPolicy(Map.of(), true),
				this.toolbox.audit, (tenant, toolName, status, durationMs) -> recorded.add(toolName));

		runner.invoke(InvocationRequest.of(ACME, "key1", "made_up_name", PARIS));
		runner.invoke(InvocationRequest.of(ACME, "key1", "count", PARIS));

		assertThat(recorded).containsExactly(ToolMetrics.UNKNOWN_TOOL, "count");
	}

	/** An audit log whose store is down. */
	private static final class UnavailableAuditLog implements AuditLog {

		@Override
		public void append(AuditRecord record) {
			throw new StoreUnavailableException("audit store down", new IllegalStateException());
		}

		@Override
		public Page<AuditRecord> list(TenantId tenant, PageRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Page<AuditRecord> list(TenantId tenant, Collection<String> actions, PageRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<AuditRecord> listForSession(TenantId tenant, String sessionId) {
			throw new UnsupportedOperationException();
		}

	}

}
