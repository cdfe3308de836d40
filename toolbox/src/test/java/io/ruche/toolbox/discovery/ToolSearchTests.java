package io.ruche.toolbox.discovery;

import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.ToolEndpoint;
import io.ruche.toolbox.support.Toolbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ToolSearchTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final TenantId GLOBEX = TenantId.of("globex");

	private final Toolbox toolbox = new Toolbox();

	private ToolSearch search;

	@BeforeEach
	void registerTools() {
		register(ACME, "weather_forecast", "Get the weather forecast and temperature for a city");
		register(ACME, "issue_refund", "Refund money to a customer for an order");
		register(ACME, "send_email", "Send an email message to a customer");
		register(ACME, "count_words", "Count the words of a text");
		register(GLOBEX, "globex_weather", "Weather forecast for a city");
		this.search = ToolSearch.create(this.toolbox.catalog, this.toolbox.activations, this.toolbox.embeddings,
				this.toolbox.broadcast, SearchWeights.DEFAULTS, ActivationPolicy.OPT_IN);
	}

	@Test
	void ranksTheToolThatMeetsADescribedNeedFirst() {
		List<ToolHit> hits = this.search
			.search(new SearchToolsRequest(ACME, "will it rain in Paris tomorrow", 3, null));

		assertThat(hits.get(0).name()).isEqualTo("weather_forecast");
		assertThat(hits.get(0).score().semantic()).isGreaterThan(0);
	}

	@Test
	void explainsEachScoreAsItsLexicalAndSemanticParts() {
		List<ToolHit> hits = this.search.search(new SearchToolsRequest(ACME, "refund an order", 2, null));

		ScoreBreakdown top = hits.get(0).score();
		assertThat(hits.get(0).name()).isEqualTo("issue_refund");
		assertThat(top.lexical()).isEqualTo(1.0);
		assertThat(top.combined()).isCloseTo(0.35 * top.lexical() + 0.65 * top.semantic(), offset(1e-9));
	}

	@Test
	void neverReturnsAnotherTenantsTools() {
		List<ToolHit> hits = this.search.search(new SearchToolsRequest(ACME, "weather forecast", 10, null));

		assertThat(hits).extracting(ToolHit::name).doesNotContain("globex_weather");
	}

	@Test
	void saysForEachHitWhetherItIsEnabledForTheAgent() {
		this.toolbox.registry.enable(ACME, "support", "send_email", true, Toolbox.ACTOR);

		List<ToolHit> hits = this.search.search(new SearchToolsRequest(ACME, "email a customer", 2, "support"));

		assertThat(hits.get(0).name()).isEqualTo("send_email");
		assertThat(hits.get(0).enabled()).isTrue();
		assertThat(hits.get(1).enabled()).isFalse();
	}

	@Test
	void findsAToolRegisteredAfterTheIndexWasBuilt() {
		this.search.search(new SearchToolsRequest(ACME, "anything", 1, null));
		register(ACME, "book_flight", "Book a flight ticket");

		List<ToolHit> hits = this.search.search(new SearchToolsRequest(ACME, "flight ticket", 1, null));

		assertThat(hits).extracting(ToolHit::name).containsExactly("book_flight");
	}

	private void register(TenantId tenant, String name, String description) {
		this.toolbox.registry.register(new RegisterToolRequest(tenant, name, description, Toolbox.CITY_SCHEMA, null,
				new ToolEndpoint(ToolKind.HTTP, "https://tools.example.com/" + name, Map.of()),
				new ExecutionPolicy(1_000, SideEffect.PURE, false), Toolbox.ACTOR));
	}

}
