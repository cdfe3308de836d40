package io.ruche.server.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

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

	@Test
	void readsTheWholeBodyButKeepsOnlyWhatItChecks() {
		String deep = "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890,\"method\":\"tools/call\",\"params\":"
				+ "{\"name\":\"x\",\"arguments\":{\"a\":{\"b\":[1,{\"c\":2}]},\"d\":\"e\"}}}";

		JsonNode outline = outline(deep).orElseThrow();

		assertThat(outline.get("id").isIntegralNumber()).isTrue();
		assertThat(outline.get("id")).isEqualTo(JSON.readTree(deep).get("id"));
		assertThat(outline.at("/params/arguments/d").asString()).isEqualTo("e");
		assertThat(outline.at("/params/arguments/a").isObject()).isTrue();
		assertThat(outline.at("/params/arguments/a").isEmpty()).isTrue();
		assertThat(check(deep)).isEmpty();
		assertThat(outline("")).contains(MissingNode.getInstance());
		assertThat(outline("{\"params\":{\"arguments\":{\"a\":{\"b\":[1,}}}}")).isEmpty();
		assertThat(outline("{\"jsonrpc\":\"2.0\"} {}")).isEmpty();
		assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"p\","
				+ "\"arguments\":{\"a\":{\"b\":\"c\"}}}}"))
			.hasValueSatisfying((r) -> assertThat(r.message()).contains("'arguments.a' must be a string"));
	}

	// through the outline the filter reads, so every case above checks it too
	private static Optional<JsonRpcShape.Refusal> check(String json) {
		return JsonRpcShape.check(outline(json).orElseThrow());
	}

	private static Optional<JsonNode> outline(String json) {
		return JsonRpcOutline.read(json.getBytes(StandardCharsets.UTF_8), JSON);
	}

}
