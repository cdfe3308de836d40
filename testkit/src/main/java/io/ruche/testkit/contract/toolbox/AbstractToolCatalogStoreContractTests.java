package io.ruche.testkit.contract.toolbox;

import java.util.List;

import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Tools;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.ToolCatalogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link ToolCatalogStore} adapter shares.
 */
public abstract class AbstractToolCatalogStoreContractTests {

	private final FakeEmbeddingModel model = new FakeEmbeddingModel();

	private final TenantId tenant = Moments.uniqueTenant();

	private ToolCatalogStore store;

	protected abstract ToolCatalogStore createStore();

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

	private ToolDefinition save(ToolDefinition tool) {
		return this.store.save(tool, this.model.embed(tool.name() + " " + tool.description()));
	}

	@Test
	void savesToolWithVersionOneAndKeepsSchemas() {
		ToolDefinition tool = Tools.aTool(this.tenant, "weather").build();

		ToolDefinition saved = save(tool);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.inputSchema()).isEqualTo(tool.inputSchema());
		assertThat(this.store.find(this.tenant, "weather")).contains(saved);
	}

	@Test
	void replacingIncrementsVersionWhateverTheCallerSent() {
		save(Tools.aTool(this.tenant, "weather").build());

		ToolDefinition replaced = save(Tools.aTool(this.tenant, "weather").withDescription("forecasts").build());

		assertThat(replaced.version()).isEqualTo(2);
		assertThat(this.store.find(this.tenant, "weather")).get()
			.extracting(ToolDefinition::description)
			.isEqualTo("forecasts");
	}

	@Test
	void listsByName() {
		save(Tools.aTool(this.tenant, "zip").build());
		save(Tools.aTool(this.tenant, "alpha").build());

		assertThat(this.store.list(this.tenant)).extracting(ToolDefinition::name).containsExactly("alpha", "zip");
	}

	@Test
	void removeIsIdempotent() {
		save(Tools.aTool(this.tenant, "weather").build());

		boolean first = this.store.remove(this.tenant, "weather");
		boolean second = this.store.remove(this.tenant, "weather");

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.store.find(this.tenant, "weather")).isEmpty();
	}

	@Test
	void searchRanksBySimilarity() {
		save(Tools.aTool(this.tenant, "weather").withDescription("forecast of rain and sun for a city").build());
		save(Tools.aTool(this.tenant, "refund").withDescription("refund an order payment").build());
		save(Tools.aTool(this.tenant, "crm").withDescription("look up a customer order").build());

		List<Scored<ToolDefinition>> results = this.store.search(this.tenant, this.model.embed("refund my order"), 2);

		assertThat(results).extracting((s) -> s.item().name()).containsExactly("refund", "crm");
		assertThat(results.get(0).score()).isGreaterThan(results.get(1).score());
	}

	@Test
	void searchNamesRanksLikeSearch() {
		save(Tools.aTool(this.tenant, "weather").withDescription("forecast of rain and sun for a city").build());
		save(Tools.aTool(this.tenant, "refund").withDescription("refund an order payment").build());
		save(Tools.aTool(this.tenant, "crm").withDescription("look up a customer order").build());

		List<Scored<String>> names = this.store.searchNames(this.tenant, this.model.embed("refund my order"), 2);
		List<Scored<ToolDefinition>> tools = this.store.search(this.tenant, this.model.embed("refund my order"), 2);

		assertThat(names).extracting(Scored::item).containsExactly("refund", "crm");
		assertThat(names).extracting(Scored::score)
			.containsExactlyElementsOf(tools.stream().map(Scored::score).toList());
		assertThat(this.store.searchNames(TenantId.of("nobody"), this.model.embed("refund"), 5)).isEmpty();
	}

	@Test
	void searchSeesRemovals() {
		save(Tools.aTool(this.tenant, "refund").withDescription("refund an order payment").build());
		this.store.search(this.tenant, this.model.embed("refund"), 5);

		this.store.remove(this.tenant, "refund");

		assertThat(this.store.search(this.tenant, this.model.embed("refund"), 5)).isEmpty();
	}

	@Test
	void isolatesTenants() {
		save(Tools.aTool(this.tenant, "weather").build());
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.find(other, "weather")).isEmpty();
		assertThat(this.store.list(other)).isEmpty();
		assertThat(this.store.search(other, this.model.embed("weather"), 5)).isEmpty();
		assertThat(this.store.remove(other, "weather")).isFalse();
		assertThat(this.store.find(this.tenant, "weather")).isPresent();
	}

}
