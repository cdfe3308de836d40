package io.ruche.brain;

import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;

/**
 * Asks the MCP client's own model for a reply (MCP sampling). Supplied per request by the
 * MCP layer when the client declared the {@code sampling} capability.
 */
@FunctionalInterface
public interface ReplySampler {

	/**
	 * Samples one reply. Blocking.
	 * @param request the prompt
	 * @return the reply, never null
	 * @throws io.ruche.brain.port.ModelUnavailableException when the client refuses or
	 * fails
	 */
	ModelReply sample(ModelRequest request);

}
