package io.ruche.brain.port;

import java.util.Map;

/**
 * Asks the person behind the client whether a tool that requires confirmation may run
 * during their turn. The MCP layer implements it with elicitation, for clients that
 * declared that capability.
 */
@FunctionalInterface
public interface ToolConfirmation {

	/**
	 * Asks; may block while the person answers.
	 * @param tool the tool
	 * @param arguments the arguments it would run with
	 * @param prompt a sentence to show
	 * @return true to run the tool
	 */
	boolean confirm(String tool, Map<String, Object> arguments, String prompt);

}
