package io.ruche.testkit.contract.toolbox;

import io.ruche.kernel.model.TenantId;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.port.ToolActivationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link ToolActivationStore} adapter shares.
 */
public abstract class AbstractToolActivationStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private ToolActivationStore store;

	protected abstract ToolActivationStore createStore();

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

	private ToolActivation activation(String agentId, String tool, boolean enabled) {
		return new ToolActivation(this.tenant, agentId, tool, enabled, Moments.now());
	}

	@Test
	void listsActivationsByToolName() {
		ToolActivation zip = activation("agt_1", "zip", true);
		ToolActivation alpha = activation("agt_1", "alpha", false);
		this.store.save(zip);
		this.store.save(alpha);
		this.store.save(activation("agt_2", "beta", true));

		assertThat(this.store.list(this.tenant, "agt_1")).containsExactly(alpha, zip);
	}

	@Test
	void savingTwiceReplaces() {
		this.store.save(activation("agt_1", "weather", true));
		ToolActivation disabled = activation("agt_1", "weather", false);

		this.store.save(disabled);
		this.store.save(disabled);

		assertThat(this.store.list(this.tenant, "agt_1")).containsExactly(disabled);
	}

	@Test
	void isolatesTenants() {
		this.store.save(activation("agt_1", "weather", true));

		assertThat(this.store.list(Moments.uniqueTenant(), "agt_1")).isEmpty();
	}

}
