package io.ruche.testkit.contract.brain;

import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link InterlocutorStore} adapter shares.
 */
public abstract class AbstractInterlocutorStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private InterlocutorStore store;

	protected abstract InterlocutorStore createStore();

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

	private Interlocutor profile(String id, String name) {
		return new Interlocutor(this.tenant, id, Map.of("name", name, "tier", "gold"), Set.of("name"), Moments.now());
	}

	@Test
	void savesAndReplacesProfile() {
		this.store.save(profile("int_1", "Ada"));

		Interlocutor replaced = profile("int_1", "Grace");
		this.store.save(replaced);

		assertThat(this.store.find(this.tenant, "int_1")).contains(replaced);
	}

	@Test
	void eraseIsIdempotent() {
		this.store.save(profile("int_1", "Ada"));

		boolean first = this.store.erase(this.tenant, "int_1");
		boolean second = this.store.erase(this.tenant, "int_1");

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.store.find(this.tenant, "int_1")).isEmpty();
	}

	@Test
	void isolatesTenants() {
		this.store.save(profile("int_1", "Ada"));
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.find(other, "int_1")).isEmpty();
		assertThat(this.store.erase(other, "int_1")).isFalse();
		assertThat(this.store.find(this.tenant, "int_1")).isPresent();
	}

}
