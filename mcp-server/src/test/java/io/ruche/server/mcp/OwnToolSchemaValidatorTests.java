package io.ruche.server.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.adapters.NetworkntSchemaValidator;
import io.ruche.server.wire.Schemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OwnToolSchemaValidatorTests {

	private final Map<String, Object> input = Schemas
		.frozen(object().required("agent", string("Agent")).property("limit", integer("Page size")).build());

	private final Map<String, Object> output = Schemas.frozen(object().required("count", integer("Count")).build());

	private final List<Map<String, Object>> delegated = new ArrayList<>();

	private final OwnToolSchemaValidator validator = new OwnToolSchemaValidator(new RecordingDelegate(),
			new NetworkntSchemaValidator(JsonMapper.builder().build()),
			List.of(McpSchema.Tool.builder("count_rules", this.input).outputSchema(this.output).build()));

	@Test
	void validatesAnOwnToolsArgumentsOnEveryCallWithoutTheDelegate() {
		JsonSchemaValidator.ValidationResponse valid = this.validator.validate(this.input,
				Map.of("agent", "shop", "limit", 3));
		JsonSchemaValidator.ValidationResponse missing = this.validator.validate(this.input, Map.of("limit", 3));
		JsonSchemaValidator.ValidationResponse wrongType = this.validator.validate(this.input,
				Map.of("agent", "shop", "limit", "ten"));

		assertThat(valid.valid()).isTrue();
		assertThat(missing.valid()).isFalse();
		assertThat(missing.errorMessage()).contains("agent");
		assertThat(wrongType.valid()).isFalse();
		assertThat(wrongType.errorMessage()).contains("limit").contains("integer");
		assertThat(this.delegated).isEmpty();
	}

	@Test
	void trustsAnOwnToolsStructuredResult() {
		assertThat(this.validator.validate(this.output, Map.of("count", "not checked")).valid()).isTrue();
		assertThat(this.delegated).isEmpty();
	}

	@Test
	void sendsAnEqualSchemaThatIsNotAnOwnToolsInstanceToTheDelegate() {
		Map<String, Object> foreign = new LinkedHashMap<>(this.input);

		this.validator.validate(foreign, Map.of("agent", "shop"));
		this.validator.validate(new LinkedHashMap<>(this.output), Map.of("count", 1));

		assertThat(this.delegated).hasSize(2).first().isSameAs(foreign);
	}

	@Test
	void ownSchemasCannotBeChangedAfterTheyAreCompiled() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.input.put("required", List.of()));
		@SuppressWarnings("unchecked")
		Map<String, Object> properties = (Map<String, Object>) this.input.get("properties");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> properties.put("agent", Map.of()));
	}

	private final class RecordingDelegate implements JsonSchemaValidator {

		@Override
		public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
			OwnToolSchemaValidatorTests.this.delegated.add(schema);
			return ValidationResponse.asValid(null);
		}

	}

}
