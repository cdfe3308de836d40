package io.ruche.brain.configuration;

/**
 * The agent, rule or scenario an edit names does not exist in the caller's tenant.
 */
public class UnknownObjectException extends RuntimeException {

	public UnknownObjectException(String kind, String reference) {
		super("unknown " + kind + " '" + reference + "'");
	}

}
