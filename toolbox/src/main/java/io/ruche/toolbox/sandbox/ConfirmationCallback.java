package io.ruche.toolbox.sandbox;

import java.util.Map;

/**
 * Asks the person behind the client to confirm a call of a tool that requires it. The MCP
 * layer implements it with elicitation.
 */
@FunctionalInterface
public interface ConfirmationCallback {

	/**
	 * Asks for confirmation; may block while the person answers.
	 * @param request what is about to run
	 * @return true to run the tool, false to refuse
	 */
	boolean confirm(ConfirmationRequest request);

	/**
	 * What the person is asked to confirm.
	 *
	 * @param toolName the tool
	 * @param arguments the validated arguments
	 * @param prompt a sentence to show
	 */
	record ConfirmationRequest(String toolName, Map<String, Object> arguments, String prompt) {
	}

}
