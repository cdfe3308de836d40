package io.ruche.bench.toolbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * A copy of the server's {@code io.ruche.server.embedding.LocalMiniLmEmbeddingModel} (the
 * app module is not a library).
 *
 *
 * The default embedding model: all-MiniLM-L6-v2 run in process with ONNX (384 dimensions,
 * shipped in its jar, works offline). The model is loaded in the background at start-up
 * so that the server is healthy before it is ready; the first embedding waits for it.
 */
public final class LocalMiniLmEmbeddingModel implements EmbeddingModel {

	private final CompletableFuture<AllMiniLmL6V2EmbeddingModel> model = CompletableFuture
		.supplyAsync(LocalMiniLmEmbeddingModel::load);

	// The model reads its files through the thread's context class loader, which on a
	// pool thread is not the
	// boot jar's loader.
	private static AllMiniLmL6V2EmbeddingModel load() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(LocalMiniLmEmbeddingModel.class.getClassLoader());
		try {
			return new AllMiniLmL6V2EmbeddingModel();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Override
	public Embedding embed(String text) {
		return Embedding.normalized(this.model.join().embed(text).content().vector());
	}

	@Override
	public List<Embedding> embedAll(List<String> texts) {
		List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
		return this.model.join()
			.embedAll(segments)
			.content()
			.stream()
			.map((e) -> Embedding.normalized(e.vector()))
			.toList();
	}

	@Override
	public int dimensions() {
		return 384;
	}

	@Override
	public String name() {
		return "all-minilm-l6-v2";
	}

}
