package io.ruche.adapters;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkntSchemaValidatorTests {

	private final NetworkntSchemaValidator validator = new NetworkntSchemaValidator(JsonMapper.builder().build());

	private final Map<String, Object> schema = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer", "minimum", 1)), "required",
			List.of("city"));

	@Test
	void acceptsValidSchemasAndRejectsBrokenOnes() {
		assertThat(this.validator.checkSchema(this.schema)).isEmpty();
		assertThat(this.validator.checkSchema(Map.of("type", "object", "properties", Map.of("a", Map.of("type", 12)))))
			.isNotEmpty();
		assertThat(this.validator.checkSchema(Map.of("type", "object", "required", "city"))).isNotEmpty();
	}

	@Test
	void validatesValuesAgainstA2020Schema() {
		assertThat(this.validator.validate(this.schema, Map.of("city", "Paris", "days", 3))).isEmpty();
		assertThat(this.validator.validate(this.schema, Map.of("days", 0))).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).contains("city"));
		// 2020-12 keyword: prefixItems
		Map<String, Object> tuple = Map.of("type", "array", "prefixItems", List.of(Map.of("type", "string")));
		assertThat(this.validator.validate(tuple, List.of(1))).isNotEmpty();
		assertThat(this.validator.validate(tuple, List.of("a", 1))).isEmpty();
	}

}
