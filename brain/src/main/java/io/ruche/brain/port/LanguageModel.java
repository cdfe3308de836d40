package io.ruche.brain.port;

/**
 * A configured text-generation model (the application adapts Spring AI to it).
 * Implementations are thread-safe.
 */
public interface LanguageModel {

	/**
	 * Generates one completion. Blocking.
	 * @param request the request, must not be null
	 * @return the reply, never null
	 * @throws ModelUnavailableException when the model cannot answer
	 */
	ModelReply generate(ModelRequest request);

}
