package io.ruche.adapters;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;
import org.jspecify.annotations.Nullable;

/**
 * The default embedding model: all-MiniLM-L6-v2 run in process with ONNX (384 dimensions,
 * shipped in its jar, works offline). Loading it takes a second or two of CPU, so it is
 * started by {@link #warmUp()} once the application is ready (not competing with start-up
 * on small machines) or by the first embedding, whichever comes first; the first
 * embedding waits for it.
 */
public final class LocalMiniLmEmbeddingModel implements EmbeddingModel {

	private final AtomicReference<@Nullable CompletableFuture<AllMiniLmL6V2EmbeddingModel>> model = new AtomicReference<>();

	/**
	 * Starts loading the model in the background if it is not loading yet.
	 */
	public void warmUp() {
		model();
	}

	private CompletableFuture<AllMiniLmL6V2EmbeddingModel> model() {
		CompletableFuture<AllMiniLmL6V2EmbeddingModel> current = this.model.get();
		if (current != null) {
			return current;
		}
		CompletableFuture<AllMiniLmL6V2EmbeddingModel> loading = new CompletableFuture<>();
		// The witness is the future another thread installed first, if any.
		CompletableFuture<AllMiniLmL6V2EmbeddingModel> installed = this.model.compareAndExchange(null, loading);
		if (installed != null) {
			return installed;
		}
		CompletableFuture.runAsync(() -> {
			try {
				loading.complete(load());
			}
			catch (RuntimeException | Error ex) {
				loading.completeExceptionally(ex);
			}
		});
		return loading;
	}

	// The model reads its files through the thread's context class loader, which on a
	// pool thread is not the boot jar's loader.
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
		return Embedding.normalized(model().join().embed(text).content().vector());
	}

	@Override
	public List<Embedding> embedAll(List<String> texts) {
		List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
		return model().join()
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
