package io.ruche.toolbox.port;

import java.time.Duration;
import java.util.Map;

import io.ruche.toolbox.model.ToolDefinition;

/**
 * Calls a tool of one {@link io.ruche.toolbox.model.ToolKind}. Implementations are
 * thread-safe, honour interruption (the runner interrupts a call it abandons) and bound
 * their own waits by {@code timeout}.
 */
public interface ToolTransport {

	/**
	 * Calls a tool once; never retries.
	 * @param tool the tool, with its encrypted secrets
	 * @param arguments the validated arguments, JSON-like
	 * @param timeout the time the call may take
	 * @return the raw result, never null
	 * @throws ToolTransportException when the call failed
	 * @throws io.ruche.toolbox.egress.EgressRefusedException when the egress policy
	 * refuses the target's address (nothing was sent)
	 */
	TransportResult call(ToolDefinition tool, Map<String, Object> arguments, Duration timeout);

}
