package io.ruche.testkit.contract.kernel;

import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.PlatformRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link ApiKeyStore} adapter shares.
 */
public abstract class AbstractApiKeyStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private ApiKeyStore store;

	protected abstract ApiKeyStore createStore();

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
	void findsKeyByHash() {
		ApiKey key = PlatformRecords.aKey(this.tenant);

		this.store.create(key);

		assertThat(this.store.findByHash(key.secretHash())).contains(key);
		assertThat(this.store.findByHash("unknown")).isEmpty();
	}

	@Test
	void keepsAndChangesLabelsWithinTheTenant() {
		ApiKey key = PlatformRecords.aKey(this.tenant);
		this.store.create(new ApiKey(key.id(), key.tenant(), key.role(), key.secretHash(), key.createdAt(), null,
				"support chatbot"));

		assertThat(this.store.findByHash(key.secretHash()))
			.hasValueSatisfying((found) -> assertThat(found.label()).isEqualTo("support chatbot"));
		assertThat(this.store.relabel(this.tenant, key.id(), "  shop front  ")).isTrue();
		assertThat(this.store.list(this.tenant)).singleElement()
			.satisfies((found) -> assertThat(found.label()).isEqualTo("shop front"));
		assertThat(this.store.relabel(Moments.uniqueTenant(), key.id(), "stolen")).isFalse();
		assertThat(this.store.relabel(this.tenant, "key_unknown", "nobody")).isFalse();
		assertThat(this.store.relabel(this.tenant, key.id(), " ")).isTrue();
		assertThat(this.store.findByHash(key.secretHash()))
			.hasValueSatisfying((found) -> assertThat(found.label()).isNull());
	}

	@Test
	void rejectsExistingIdOrHash() {
		ApiKey key = PlatformRecords.aKey(this.tenant);
		this.store.create(key);

		ApiKey sameHash = new ApiKey(Moments.uniqueId("key"), this.tenant, key.role(), key.secretHash(),
				key.createdAt(), null, null);

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.create(key));
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.create(sameHash));
	}

	@Test
	void listsTenantKeysOldestFirst() {
		ApiKey newer = PlatformRecords.aKey(this.tenant, Moments.now());
		ApiKey older = PlatformRecords.aKey(this.tenant, Moments.now().minusSeconds(60));
		this.store.create(newer);
		this.store.create(older);
		this.store.create(PlatformRecords.aKey(Moments.uniqueTenant()));

		assertThat(this.store.list(this.tenant)).containsExactly(older, newer);
	}

	@Test
	void revokeIsIdempotentAndScopedToTenant() {
		ApiKey key = PlatformRecords.aKey(this.tenant);
		this.store.create(key);

		boolean otherTenant = this.store.revoke(Moments.uniqueTenant(), key.id());
		boolean first = this.store.revoke(this.tenant, key.id());
		boolean second = this.store.revoke(this.tenant, key.id());

		assertThat(otherTenant).isFalse();
		assertThat(first).isTrue();
		assertThat(second).isTrue();
		assertThat(this.store.revoke(this.tenant, "key_missing")).isFalse();
		assertThat(this.store.findByHash(key.secretHash())).get().extracting(ApiKey::revokedAt).isNotNull();
	}

}
