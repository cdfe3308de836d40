package io.ruche.testkit.contract.kernel;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.TenantStore;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.PlatformRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link TenantStore} adapter shares. The store may hold tenants of
 * other tests.
 */
public abstract class AbstractTenantStoreContractTests {

	private TenantStore store;

	protected abstract TenantStore createStore();

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
	void createsAndFindsTenant() {
		Tenant tenant = PlatformRecords.aTenant(Moments.uniqueTenant());

		this.store.create(tenant);

		assertThat(this.store.find(tenant.id())).contains(tenant);
	}

	@Test
	void rejectsExistingId() {
		Tenant tenant = PlatformRecords.aTenant(Moments.uniqueTenant());
		this.store.create(tenant);

		// ISSUE-9 hole 12: the message carried the SQL (H2) or the constraint
		// (PostgreSQL)
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.create(tenant))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContainIgnoringCase("insert")
				.doesNotContainIgnoringCase("tenants")
				.doesNotContainIgnoringCase("constraint")
				.doesNotContainIgnoringCase("primary")
				.doesNotContain(tenant.id().value()));
	}

	@Test
	void keepsTheDefaultSettingsUntilTheyChange() {
		Tenant tenant = PlatformRecords.aTenant(Moments.uniqueTenant());
		this.store.create(tenant);

		TenantSettings before = this.store.settings(tenant.id());
		boolean updated = this.store.updateSettings(tenant.id(), new TenantSettings(true, 30, 30, 100_000));

		assertThat(before).isEqualTo(TenantSettings.DEFAULTS);
		assertThat(updated).isTrue();
		assertThat(this.store.settings(tenant.id())).isEqualTo(new TenantSettings(true, 30, 30, 100_000));
		assertThat(this.store.find(tenant.id())).contains(tenant);
	}

	@Test
	void changesNoSettingsOfAnUnknownTenant() {
		TenantId unknown = Moments.uniqueTenant();

		assertThat(this.store.updateSettings(unknown, new TenantSettings(true))).isFalse();
		assertThat(this.store.settings(unknown)).isEqualTo(TenantSettings.DEFAULTS);
	}

	@Test
	void findReturnsEmptyOnMiss() {
		assertThat(this.store.find(Moments.uniqueTenant())).isEmpty();
	}

	@Test
	void listsById() {
		TenantId b = TenantId.of(Moments.uniqueTenant().value() + "b");
		TenantId a = TenantId.of(b.value().substring(0, b.value().length() - 1) + "a");
		this.store.create(PlatformRecords.aTenant(b));
		this.store.create(PlatformRecords.aTenant(a));

		assertThat(this.store.list()).extracting(Tenant::id).containsSubsequence(a, b);
		assertThat(this.store.list()).extracting((t) -> t.id().value()).isSorted();
	}

}
