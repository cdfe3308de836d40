package io.ruche.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
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

	private final AtomicReference<@Nullable CompletableFuture<AbstractInProcessEmbeddingModel>> model = new AtomicReference<>();

	/**
	 * Starts loading the model in the background if it is not loading yet.
	 */
	public void warmUp() {
		model();
	}

	private CompletableFuture<AbstractInProcessEmbeddingModel> model() {
		CompletableFuture<AbstractInProcessEmbeddingModel> current = this.model.get();
		if (current != null) {
			return current;
		}
		CompletableFuture<AbstractInProcessEmbeddingModel> loading = new CompletableFuture<>();
		// The witness is the future another thread installed first, if any.
		CompletableFuture<AbstractInProcessEmbeddingModel> installed = this.model.compareAndExchange(null, loading);
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

	// The tokenizer library reads its files through the thread's context class loader,
	// which on a pool thread is not the boot jar's loader.
	private static AbstractInProcessEmbeddingModel load() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		ClassLoader loader = LocalMiniLmEmbeddingModel.class.getClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return load(loader);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	// The session is built here, not by AllMiniLmL6V2EmbeddingModel, so that its
	// intra-op threads sleep instead of spinning between operators: spinning threads
	// fight every other busy thread (a database, a concurrent request) for the few
	// cores of a small machine. Measured on 2 cores with one core kept busy: p50 7.6 ->
	// 3.1 ms, p95 14.6 -> 5.1 ms per sentence; on an idle machine p50 2.7 -> 3.7 ms.
	private static AbstractInProcessEmbeddingModel load(ClassLoader loader) {
		try (InputStream onnx = resource(loader, "all-minilm-l6-v2.onnx");
				InputStream tokenizer = resource(loader, "all-minilm-l6-v2-tokenizer.json")) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
					environment.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
			return new InProcessMiniLm(encoder);
		}
		catch (IOException | OrtException ex) {
			throw new IllegalStateException("cannot load the local embedding model: " + ex.getMessage(), ex);
		}
	}

	private static InputStream resource(ClassLoader loader, String name) {
		InputStream stream = loader.getResourceAsStream(name);
		if (stream == null) {
			throw new IllegalStateException(name + " is missing from the classpath");
		}
		return stream;
	}

	/** all-MiniLM-L6-v2 over a session of our own. */
	private static final class InProcessMiniLm extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		InProcessMiniLm(OnnxBertBiEncoder encoder) {
			super(null);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
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
