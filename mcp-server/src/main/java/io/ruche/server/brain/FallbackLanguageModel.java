package io.ruche.server.brain;

import java.util.List;
import java.util.Objects;

import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.port.ModelUnavailableException;

/**
 * The configured providers in order: each call goes to the first one that answers; a
 * provider that fails (error, timeout, open circuit) hands the call to the next. Only
 * when all fail does the brain fall back to sampling or a template.
 */
public final class FallbackLanguageModel implements LanguageModel, AutoCloseable {

	private final List<SpringAiLanguageModel> chain;

	public FallbackLanguageModel(List<SpringAiLanguageModel> chain) {
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("at least one model provider is needed");
		}
		this.chain = List.copyOf(chain);
	}

	/**
	 * The providers in the order they are tried.
	 * @return the chain
	 */
	public List<SpringAiLanguageModel> providers() {
		return this.chain;
	}

	@Override
	public ModelReply generate(ModelRequest request) {
		ModelUnavailableException last = null;
		for (LanguageModel model : this.chain) {
			try {
				return model.generate(request);
			}
			catch (ModelUnavailableException ex) {
				last = ex;
			}
		}
		// The chain is never empty, so getting here means a provider failed.
		throw new ModelUnavailableException(
				"every configured model failed; the last said: " + Objects.requireNonNull(last).getMessage());
	}

	@Override
	public void close() {
		this.chain.forEach(SpringAiLanguageModel::close);
	}

}
