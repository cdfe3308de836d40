package io.ruche.server.brain;

/**
 * Why no reply could be made, and what to do about it, in the terms of the server's
 * configuration: whether a model provider is configured and whether the client offered
 * sampling.
 */
public final class NoModelAdvice {

	private NoModelAdvice() {
	}

	/**
	 * The advice.
	 * @param modelConfigured whether a model provider is configured
	 * @param sampling whether the client offered sampling
	 * @return the message, a sentence
	 */
	public static String message(boolean modelConfigured, boolean sampling) {
		if (!modelConfigured && !sampling) {
			return "No model is available: no model is configured and the client did not declare sampling, "
					+ "and no template applies. Configure a model provider (RUCHE_MODEL_*), connect with an MCP "
					+ "client that supports sampling, give a matching rule an exclusive or fallback template, "
					+ "or use guidance to answer with your own model.";
		}
		String source = modelConfigured
				? (sampling ? "the configured model and the client's sampling" : "the configured model")
				: "the client's sampling";
		return "No model is available: " + source
				+ " could not answer, and no template applies. Retry shortly, or give a matching rule a "
				+ "fallback template.";
	}

}
