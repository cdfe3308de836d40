package io.ruche.testkit.contract.brain;

import java.time.Instant;

import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link ConfigurationDraftStore} adapter shares.
 */
public abstract class AbstractConfigurationDraftStoreContractTests {

	private static final Instant AT = Instant.parse("2026-12-06T22:15:30.123456Z");

	private final TenantId tenant = Moments.uniqueTenant();

	private ConfigurationDraftStore store;

	protected abstract ConfigurationDraftStore createStore();

	@BeforeEach
	void setUpStore() {
		this.store = createStore();
	}

	@Test
	void keepsEveryFieldOfADraft() {
		ConfigurationDraft draft = draft(this.tenant, "agt_1", 3, 1, "agent: {name: shop}\nrules: []\n");

		this.store.save(draft);

		assertThat(this.store.find(this.tenant, "agt_1")).contains(draft);
		assertThat(this.store.find(this.tenant, "agt_2")).isEmpty();
	}

	@Test
	void eachRevisionReplacesTheOneJustBefore() {
		this.store.save(draft(this.tenant, "agt_1", 3, 1, "first"));
		this.store.save(draft(this.tenant, "agt_1", 4, 2, "second"));

		assertThat(this.store.find(this.tenant, "agt_1")).hasValueSatisfying((found) -> {
			assertThat(found.revision()).isEqualTo(2);
			assertThat(found.baseVersion()).isEqualTo(4);
			assertThat(found.document()).isEqualTo("second");
		});
	}

	@Test
	void refusesAStaleRevisionAndASecondFirstOne() {
		this.store.save(draft(this.tenant, "agt_1", 3, 1, "first"));
		this.store.save(draft(this.tenant, "agt_1", 3, 2, "second"));

		assertThatExceptionOfType(StoreConflictException.class)
			.isThrownBy(() -> this.store.save(draft(this.tenant, "agt_1", 3, 2, "concurrent")));
		assertThatExceptionOfType(StoreConflictException.class)
			.isThrownBy(() -> this.store.save(draft(this.tenant, "agt_1", 3, 1, "again")));
		assertThat(this.store.find(this.tenant, "agt_1")).map(ConfigurationDraft::document).contains("second");
	}

	@Test
	void deletesOnlyTheRevisionRead() {
		this.store.save(draft(this.tenant, "agt_1", 3, 1, "first"));
		this.store.save(draft(this.tenant, "agt_1", 3, 2, "second"));

		assertThat(this.store.delete(this.tenant, "agt_1", 1)).isFalse();
		assertThat(this.store.delete(this.tenant, "agt_1", 2)).isTrue();
		assertThat(this.store.find(this.tenant, "agt_1")).isEmpty();
		assertThat(this.store.delete(this.tenant, "agt_1", 2)).isFalse();
	}

	@Test
	void draftsBelongToOneTenant() {
		TenantId other = Moments.uniqueTenant();
		this.store.save(draft(this.tenant, "agt_1", 1, 1, "mine"));
		this.store.save(draft(other, "agt_1", 1, 1, "theirs"));

		assertThat(this.store.find(this.tenant, "agt_1")).map(ConfigurationDraft::document).contains("mine");
		assertThat(this.store.delete(other, "agt_1", 1)).isTrue();
		assertThat(this.store.find(this.tenant, "agt_1")).isPresent();
	}

	private static ConfigurationDraft draft(TenantId tenant, String agentId, long base, long revision,
			String document) {
		return new ConfigurationDraft(tenant, agentId, base, revision, "key_builder", AT.plusSeconds(revision),
				document);
	}

}
