package io.ruche.toolbox.discovery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexicalIndexTests {

	private static final String[] WORDS = { "invoice", "order", "customer", "refund", "email", "weather", "report",
			"export" };

	@Test
	void keepsTheBestDocumentsBestFirstAndEqualScoresInCatalogOrder() {
		List<ToolDefinition> tools = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			tools.add(tool("tool_" + i, WORDS[i % WORDS.length] + " " + WORDS[(i * 7) % WORDS.length] + " of a "
					+ WORDS[(i * 3) % WORDS.length]));
		}
		LexicalIndex index = new LexicalIndex(tools);

		List<Scored<ToolDefinition>> all = index.search("refund the customer order", tools.size());
		List<Scored<ToolDefinition>> top = index.search("refund the customer order", 7);

		List<Scored<ToolDefinition>> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparingDouble((Scored<ToolDefinition> hit) -> hit.score())
			.reversed()
			.thenComparingInt((hit) -> tools.indexOf(hit.item())));
		assertThat(all).isEqualTo(sorted);
		assertThat(top).isEqualTo(sorted.subList(0, 7));
		assertThat(all).allSatisfy((hit) -> assertThat(hit.score()).isPositive());
	}

	@Test
	void findsNothingWhenNoTermIsIndexed() {
		LexicalIndex index = new LexicalIndex(List.of(tool("send_email", "Send an email")));

		assertThat(index.search("forecast of the tides", 10)).isEmpty();
		assertThat(index.search("email", 0)).isEmpty();
	}

	private static ToolDefinition tool(String name, String description) {
		return new ToolDefinition(TenantId.of("acme"), name, description, Map.of("type", "object"), null, ToolKind.HTTP,
				"https://example.com/" + name, new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(),
				null, 1, Instant.EPOCH);
	}

}
