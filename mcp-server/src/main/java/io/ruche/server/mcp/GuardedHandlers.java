package io.ruche.server.mcp;

import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;

/**
 * Sends every failure of a resource, prompt or completion handler through
 * {@link McpErrorMapper}: the SDK answers an exception it does not know with its message
 * and, as data, the class names of its causes.
 */
final class GuardedHandlers {

	private GuardedHandlers() {
	}

	static SyncResourceSpecification resource(SyncResourceSpecification spec) {
		return new SyncResourceSpecification(spec.resource(),
				guard("resource " + spec.resource().uri(), spec.readHandler()));
	}

	static SyncResourceTemplateSpecification template(SyncResourceTemplateSpecification spec) {
		return new SyncResourceTemplateSpecification(spec.resourceTemplate(),
				guard("resource " + spec.resourceTemplate().uriTemplate(), spec.readHandler()));
	}

	static SyncPromptSpecification prompt(SyncPromptSpecification spec) {
		return new SyncPromptSpecification(spec.prompt(),
				guard("prompt " + spec.prompt().name(), spec.promptHandler()));
	}

	static SyncCompletionSpecification completion(SyncCompletionSpecification spec) {
		return new SyncCompletionSpecification(spec.referenceKey(), guard("completion", spec.completionHandler()));
	}

	private static <E, Q, R> BiFunction<E, Q, R> guard(String what, BiFunction<E, Q, R> handler) {
		return (exchange, request) -> {
			try {
				return handler.apply(exchange, request);
			}
			catch (RuntimeException ex) {
				throw McpErrorMapper.toProtocolError(what, ex);
			}
		};
	}

}
