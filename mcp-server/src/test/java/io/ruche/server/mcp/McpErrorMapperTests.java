package io.ruche.server.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.server.wire.InvalidArgumentsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpErrorMapperTests {

	// ISSUE-9 hole 12: the SDK sends an unexpected exception's message and, as data, the
	// class names of its causes
	@Test
	void mapsHandlerFailuresToErrorsWithoutInternals() {
		McpError unavailable = McpErrorMapper.toProtocolError("resource ruche://agents", new StoreUnavailableException(
				"the database is unavailable: Connection refused", new java.net.ConnectException("refused")));
		McpError unexpected = McpErrorMapper.toProtocolError("prompt agent_persona",
				new IllegalStateException("java.lang.NullPointerException at io.ruche.Foo"));
		McpError unknown = McpErrorMapper.toProtocolError("prompt agent_persona",
				new UnknownObjectException("agent", "ghost"));

		assertThat(unavailable.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR);
		assertThat(unavailable.getJsonRpcError().message()).isEqualTo("A backing store is unavailable; retry shortly.");
		assertThat(unavailable.getJsonRpcError().data()).isNull();
		assertThat(unexpected.getJsonRpcError().message())
			.isEqualTo("Internal error in prompt agent_persona; it was logged. Retry or report it.");
		assertThat(unknown.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
		assertThat(unknown.getJsonRpcError().message()).contains("ghost");
	}

	@Test
	void aCallersMistakeIsInvalidInputAndABareIllegalArgumentIsABug() {
		CallToolResult invalid = McpErrorMapper.toToolResult("rule_upsert",
				new InvalidArgumentsException("argument 'name' is required (a non-empty string)"));

		assertThat(invalid.isError()).isTrue();
		assertThat(((TextContent) invalid.content().get(0)).text())
			.isEqualTo("Invalid input: argument 'name' is required (a non-empty string)");
		assertThatThrownBy(() -> McpErrorMapper.toToolResult("rule_upsert", new IllegalArgumentException("a bug")))
			.isInstanceOf(McpError.class)
			.hasMessageContaining("Internal error in tool rule_upsert");
	}

}
