package io.ruche.server.mcp;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcShapeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void letsWellFormedMessagesThrough() {
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}"))
			.isEmpty();
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}")).isEmpty();
		assertThat(check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).isEmpty();
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")).isEmpty();
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"vendor/extension\",\"params\":{\"x\":[1]}}"))
			.isEmpty();
	}

	@Test
	void namesWhatIsWrongWithAMalformedMessage() {
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}"))
			.hasValueSatisfying((r) -> {
				assertThat(r.code()).isEqualTo(JsonRpcShape.INVALID_PARAMS);
				assertThat(r.message()).isEqualTo("Invalid params: 'params' must be an object");
				assertThat(r.id()).isNotNull();
			});
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"))
			.hasValueSatisfying((r) -> assertThat(r.message()).contains("'id' must be a string or an integer"));
		assertThat(check("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}"))
			.hasValueSatisfying((r) -> assertThat(r.message()).contains("'jsonrpc' must be \"2.0\""));
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-11-25\",\"clientInfo\":{\"name\":5}}}"))
			.hasValueSatisfying((r) -> assertThat(r.message())
				.isEqualTo("Invalid params of initialize: 'clientInfo.name' must be a string"));
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}"))
			.hasValueSatisfying((r) -> assertThat(r.code()).isEqualTo(JsonRpcShape.INVALID_REQUEST));
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1}"))
			.hasValueSatisfying((r) -> assertThat(r.message()).contains("needs 'method'"));
	}

	private static Optional<JsonRpcShape.Refusal> check(String json) {
		return JsonRpcShape.check(JSON.readTree(json));
	}

}
