package io.ruche.testkit.contract.kernel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.PlatformRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link AuditLog} adapter shares.
 */
public abstract class AbstractAuditLogContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private AuditLog store;

	protected abstract AuditLog createStore();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpStore() {
		onStart();
		this.store = createStore();
	}

	@AfterEach
	void closeStore() {
		onClose();
	}

	@Test
	void listsNewestFirstWithPaging() {
		Instant now = Moments.now();
		AuditRecord old = PlatformRecords.anAudit(this.tenant, "rule.upsert", null, now.minusSeconds(20));
		AuditRecord middle = PlatformRecords.anAudit(this.tenant, "rule.delete", null, now.minusSeconds(10));
		AuditRecord recent = PlatformRecords.anAudit(this.tenant, "turn", "ses_1", now);
		this.store.append(middle);
		this.store.append(recent);
		this.store.append(old);

		Page<AuditRecord> first = this.store.list(this.tenant, PageRequest.first(2));
		Page<AuditRecord> second = this.store.list(this.tenant, new PageRequest(2, first.nextCursor()));

		assertThat(first.items()).containsExactly(recent, middle);
		assertThat(second.items()).containsExactly(old);
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void listsTheActionsAskedForNewestFirstWithPaging() {
		Instant now = Moments.now();
		AuditRecord rule = PlatformRecords.anAudit(this.tenant, "rule.upsert", null, now.minusSeconds(30));
		AuditRecord scenario = PlatformRecords.anAudit(this.tenant, "scenario.upsert", null, now.minusSeconds(20));
		AuditRecord agent = PlatformRecords.anAudit(this.tenant, "agent.rollback", null, now.minusSeconds(10));
		this.store.append(rule);
		this.store.append(PlatformRecords.anAudit(this.tenant, "turn.converse", "ses_1", now.minusSeconds(25)));
		this.store.append(agent);
		this.store.append(scenario);
		this.store.append(PlatformRecords.anAudit(this.tenant, "turn.converse", "ses_1", now));
		List<String> changes = List.of("rule.upsert", "scenario.upsert", "agent.rollback");

		Page<AuditRecord> first = this.store.list(this.tenant, changes, PageRequest.first(2));
		Page<AuditRecord> second = this.store.list(this.tenant, changes, new PageRequest(2, first.nextCursor()));

		assertThat(first.items()).containsExactly(agent, scenario);
		assertThat(second.items()).containsExactly(rule);
		assertThat(second.nextCursor()).isNull();
		assertThat(this.store.list(Moments.uniqueTenant(), changes, PageRequest.first(10)).items()).isEmpty();
	}

	@Test
	void listsSessionRecordsOldestFirst() {
		Instant now = Moments.now();
		AuditRecord later = PlatformRecords.anAudit(this.tenant, "turn", "ses_1", now);
		AuditRecord earlier = PlatformRecords.anAudit(this.tenant, "tool.invoke", "ses_1", now.minusSeconds(5));
		this.store.append(later);
		this.store.append(earlier);
		this.store.append(PlatformRecords.anAudit(this.tenant, "turn", "ses_2", now));

		assertThat(this.store.listForSession(this.tenant, "ses_1")).containsExactly(earlier, later);
	}

	@Test
	void keepsValuesAsLongAsTheRecordAllows() {
		String session = "d".repeat(AuditRecord.MAX_SESSION_ID);
		AuditRecord longest = new AuditRecord(this.tenant, Moments.uniqueId("aud"), "a".repeat(AuditRecord.MAX_ACTOR),
				"b".repeat(AuditRecord.MAX_ACTION), "c".repeat(AuditRecord.MAX_SUBJECT), session,
				"e".repeat(AuditRecord.MAX_OUTCOME), 1, Map.of("role", "admin"), Moments.now());

		this.store.append(longest);

		assertThat(this.store.listForSession(this.tenant, session)).containsExactly(longest);
	}

	@Test
	void isolatesTenants() {
		this.store.append(PlatformRecords.anAudit(this.tenant, "turn", "ses_1", Moments.now()));
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.list(other, PageRequest.first(10)).items()).isEmpty();
		assertThat(this.store.listForSession(other, "ses_1")).isEmpty();
	}

}
