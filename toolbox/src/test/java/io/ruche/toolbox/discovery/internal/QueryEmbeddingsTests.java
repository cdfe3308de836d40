package io.ruche.toolbox.discovery.internal;

import java.util.ArrayList;
import java.util.List;

import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.toolbox.support.FakeEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryEmbeddingsTests {

	private final List<String> embedded = new ArrayList<>();

	private final EmbeddingModel model = new EmbeddingModel() {

		private final FakeEmbeddingModel fake = new FakeEmbeddingModel();

		@Override
		public Embedding embed(String text) {
			QueryEmbeddingsTests.this.embedded.add(text);
			return this.fake.embed(text);
		}

		@Override
		public int dimensions() {
			return this.fake.dimensions();
		}

		@Override
		public String name() {
			return "counting";
		}

	};

	@Test
	void embedsAQueryOnceWhateverItsSpacing() {
		QueryEmbeddings queries = new QueryEmbeddings(this.model, 8);

		Embedding first = queries.embed("refund an  order");
		Embedding again = queries.embed("  refund an order\n");

		assertThat(again).isEqualTo(first).isEqualTo(this.model.embed("refund an order"));
		assertThat(this.embedded).containsExactly("refund an order", "refund an order");
	}

	@Test
	void forgetsTheLeastRecentlyUsedQueriesBeyondItsCapacity() {
		QueryEmbeddings queries = new QueryEmbeddings(this.model, 2);

		queries.embed("weather in Paris");
		queries.embed("send an email");
		queries.embed("weather in Paris");
		queries.embed("refund an order");
		queries.embed("weather in Paris");
		queries.embed("send an email");

		assertThat(this.embedded).containsExactly("weather in Paris", "send an email", "refund an order",
				"send an email");
	}

}
