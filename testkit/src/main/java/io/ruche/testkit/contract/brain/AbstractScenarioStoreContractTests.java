package io.ruche.testkit.contract.brain;

import java.util.List;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Scenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link ScenarioStore} adapter shares.
 */
public abstract class AbstractScenarioStoreContractTests {

	private final FakeEmbeddingModel model = new FakeEmbeddingModel();

	private final TenantId tenant = Moments.uniqueTenant();

	private final String agentId = Moments.uniqueId("agt");

	private ScenarioStore store;

	protected abstract ScenarioStore createStore();

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

	private Scenario save(Scenario scenario) {
		return this.store.save(scenario, ScenarioEmbedder.embed(scenario, this.model));
	}

	@Test
	void createsScenarioWithVersionOne() {
		Scenario scenario = Scenarios.aScenario(this.tenant, this.agentId).build();

		Scenario saved = save(scenario);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.steps()).isEqualTo(scenario.steps());
		assertThat(this.store.find(this.tenant, this.agentId, scenario.id())).contains(saved);
	}

	@Test
	void rejectsStaleVersionAndDuplicateName() {
		Scenario saved = save(Scenarios.aScenario(this.tenant, this.agentId).withName("orders").build());
		save(Scenarios.aScenario(this.tenant, this.agentId)
			.withId(saved.id())
			.withName("orders")
			.withVersion(1)
			.build());

		Scenario stale = Scenarios.aScenario(this.tenant, this.agentId).withId(saved.id()).withVersion(1).build();
		Scenario duplicate = Scenarios.aScenario(this.tenant, this.agentId).withName("orders").build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> save(stale));
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> save(duplicate));
	}

	@Test
	void listsLiveScenariosByName() {
		save(Scenarios.aScenario(this.tenant, this.agentId).withName("returns").build());
		save(Scenarios.aScenario(this.tenant, this.agentId).withName("billing").build());
		Scenario gone = save(Scenarios.aScenario(this.tenant, this.agentId).withName("archive").build());
		this.store.delete(this.tenant, this.agentId, gone.id());

		assertThat(this.store.list(this.tenant, this.agentId)).extracting(Scenario::name)
			.containsExactly("billing", "returns");
	}

	@Test
	void deleteIsIdempotentAndHides() {
		Scenario saved = save(Scenarios.aScenario(this.tenant, this.agentId).build());

		boolean first = this.store.delete(this.tenant, this.agentId, saved.id());
		boolean second = this.store.delete(this.tenant, this.agentId, saved.id());

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.store.find(this.tenant, this.agentId, saved.id())).isEmpty();
		assertThat(this.store.embedded(this.tenant, this.agentId)).isEmpty();
	}

	@Test
	void embeddedReturnsEmbeddings() {
		Scenario saved = save(Scenarios.aScenario(this.tenant, this.agentId).build());

		List<EmbeddedScenario> embedded = this.store.embedded(this.tenant, this.agentId);

		assertThat(embedded).hasSize(1);
		assertThat(embedded.get(0).scenario()).isEqualTo(saved);
		ScenarioEmbeddings expected = ScenarioEmbedder.embed(saved, this.model);
		assertThat(embedded.get(0).embeddings().entry()).isEqualTo(expected.entry());
		assertThat(embedded.get(0).embeddings().transitions()).isEqualTo(expected.transitions());
		assertThat(embedded.get(0).embeddings().steps()).isEqualTo(expected.steps()).containsOnlyKeys("ask", "done");
	}

	@Test
	void isolatesTenants() {
		Scenario saved = save(Scenarios.aScenario(this.tenant, this.agentId).build());
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.find(other, this.agentId, saved.id())).isEmpty();
		assertThat(this.store.list(other, this.agentId)).isEmpty();
		assertThat(this.store.embedded(other, this.agentId)).isEmpty();
		assertThat(this.store.delete(other, this.agentId, saved.id())).isFalse();
	}

}
