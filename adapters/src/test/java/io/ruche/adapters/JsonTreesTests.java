package io.ruche.adapters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTreesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Point(int x, int y) {
	}

	@Test
	void givesTheTreeTheMapperWouldGiveNodeForNode() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("text", "café");
		value.put("flag", true);
		value.put("int", 7);
		value.put("long", 7_000_000_000L);
		value.put("double", 1.0);
		value.put("big", new BigInteger("123456789012345678901234567890"));
		value.put("decimal", new BigDecimal("1.50"));
		value.put("nothing", null);
		value.put("list", Arrays.asList(1, "two", null, List.of(3.5), Map.of("k", false)));
		value.put("other", new Point(1, 2));

		assertThat(JsonTrees.of(value, JSON)).isEqualTo(JSON.valueToTree(value));
		assertThat(JsonTrees.of(value, JSON).get("int").isInt()).isTrue();
		assertThat(JsonTrees.of(value, JSON).get("double").isDouble()).isTrue();
		assertThat(JsonTrees.of(null, JSON)).isEqualTo(JSON.valueToTree(null));
	}

}
