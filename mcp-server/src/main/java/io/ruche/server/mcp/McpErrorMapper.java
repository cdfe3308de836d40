package io.ruche.server.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.kernel.store.StoreDataException;
import io.ruche.kernel.store.StoreException;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.server.security.AccessDeniedException;
import io.ruche.server.wire.InvalidArgumentsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where thrown failures become MCP answers: what the caller can fix becomes
 * a tool result with {@code isError: true} and a clear message; an unavailable store
 * becomes a JSON-RPC internal error that says to retry; anything else, a bare
 * {@link IllegalArgumentException} included, is a bug: logged, and an internal error.
 * Never a stack trace. Expected outcomes that are values are mapped where they are
 * returned ({@link TurnFailures}, {@link ToolboxTools#reply}).
 */
public final class McpErrorMapper {

	private static final Logger log = LoggerFactory.getLogger(McpErrorMapper.class);

	private McpErrorMapper() {
	}

	/**
	 * Maps a failure of a tool call.
	 * @param tool the tool name
	 * @param failure what was thrown
	 * @return the tool result to send
	 * @throws McpError for failures that are not the caller's to fix
	 */
	public static CallToolResult toToolResult(String tool, RuntimeException failure) {
		return switch (failure) {
			case McpError protocolError -> throw protocolError;
			case StoreException storeFailure -> fromStore(tool, storeFailure);
			case AccessDeniedException denied -> error(denied.getMessage());
			case InvalidConfigurationException invalid -> error("Invalid input: " + invalid.getMessage());
			case UnknownObjectException unknown -> error(capitalize(unknown.getMessage()) + ".");
			case SessionBusyException busy -> error(busy.getMessage());
			case InvalidArgumentsException invalid -> error("Invalid input: " + invalid.getMessage());
			default -> {
				log.error("Tool {} failed unexpectedly", tool, failure);
				throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
					.message("Internal error in tool " + tool + "; it was logged. Retry or report it.")
					.build();
			}
		};
	}

	private static CallToolResult fromStore(String tool, StoreException failure) {
		return switch (failure) {
			case StoreConflictException conflict -> error("Conflict: " + conflict.getMessage());
			case StoreUnavailableException unavailable -> {
				log.warn("Store unavailable during {}: {}", tool, unavailable.getMessage());
				throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
					.message(StoreUnavailableException.RETRY_MESSAGE)
					.build();
			}
			case StoreDataException data -> {
				log.error("Store data error during {}", tool, data);
				throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
					.message("Stored data could not be read; it was logged.")
					.build();
			}
		};
	}

	/**
	 * Maps a failure of a resource, prompt or completion handler.
	 * @param what what failed, for the log
	 * @param failure what was thrown
	 * @return the JSON-RPC error to send, with a message in the caller's terms
	 */
	public static McpError toProtocolError(String what, RuntimeException failure) {
		return switch (failure) {
			case McpError protocolError -> protocolError;
			case AccessDeniedException denied ->
				protocolError(McpSchema.ErrorCodes.INVALID_REQUEST, denied.getMessage());
			case UnknownObjectException unknown ->
				protocolError(McpSchema.ErrorCodes.INVALID_PARAMS, capitalize(unknown.getMessage()) + ".");
			case InvalidConfigurationException invalid ->
				protocolError(McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid input: " + invalid.getMessage());
			case InvalidArgumentsException invalid ->
				protocolError(McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid input: " + invalid.getMessage());
			case StoreUnavailableException unavailable -> {
				log.warn("Store unavailable during {}: {}", what, unavailable.getMessage());
				yield protocolError(McpSchema.ErrorCodes.INTERNAL_ERROR, StoreUnavailableException.RETRY_MESSAGE);
			}
			default -> {
				log.error("{} failed unexpectedly", what, failure);
				yield protocolError(McpSchema.ErrorCodes.INTERNAL_ERROR,
						"Internal error in " + what + "; it was logged. Retry or report it.");
			}
		};
	}

	private static McpError protocolError(int code, String message) {
		return McpError.builder(code).message(message).build();
	}

	/**
	 * The error for a request whose transport carries no authenticated caller.
	 * @return a JSON-RPC error
	 */
	public static McpError unauthenticated() {
		return McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
			.message("Not authenticated: send 'Authorization: Bearer <api key>'")
			.build();
	}

	static CallToolResult error(String message) {
		return CallToolResult.builder().addTextContent(message).isError(true).build();
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
