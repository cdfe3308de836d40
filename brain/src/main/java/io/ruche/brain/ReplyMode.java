package io.ruche.brain;

import java.util.Locale;

/**
 * How a reply was made.
 */
public enum ReplyMode {

	/** By the configured model. */
	LLM,

	/** By the MCP client's model, through sampling. */
	SAMPLING,

	/** By a matched template, without a model. */
	TEMPLATE,

	/** By a fallback, after a broken constraint or with no model. */
	FALLBACK;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
