package io.ruche.adapters;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class NetworkntSchemaValidatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NetworkntSchemaValidator validator = new NetworkntSchemaValidator(JSON);

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

	@Test
	void aPreparedSchemaValidatesLikeTheSchemaItself() {
		var prepared = this.validator.prepare(this.schema);

		assertThat(prepared.validate(Map.of("city", "Paris", "days", 3))).isEmpty();
		assertThat(prepared.validate(Map.of("days", 0)))
			.isEqualTo(this.validator.validate(this.schema, Map.of("days", 0)))
			.hasSize(2);
		assertThat(prepared.validate(null)).isNotEmpty();
	}

	@Test
	void aPreparedSchemaThatCannotBeUsedRefusesEveryValueSayingWhy() {
		var prepared = this.validator.prepare(Map.of("$ref", "#"));

		assertThat(prepared.validate(Map.of("a", 1))).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith("the schema cannot be used"));
	}

	// ISSUE-9 hole 4b: with the JDK engine, each of these values took over 80 s
	@Test
	void matchesAHostilePatternInLinearTime() {
		Map<String, Object> hostile = schema("""
				{"type": "object", "properties": {"text": {"type": "string", "pattern": "^((a+)+)+$"}},
				 "patternProperties": {"^((x+)+)+y$": {"type": "integer"}}}""");
		Map<String, Object> value = Map.of("text", "a".repeat(30) + "!", "x".repeat(30), "z");

		List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> this.validator.validate(hostile, value));

		assertThat(this.validator.checkSchema(hostile)).isEmpty();
		assertThat(problems).singleElement().satisfies((p) -> assertThat(p).contains("text").contains("pattern"));
		assertThat(this.validator.validate(hostile, Map.of("text", "aaa"))).isEmpty();
	}

	@Test
	void refusesPatternsTheLinearTimeEngineCannotRunSayingWhere() {
		List<String> problems = this.validator.checkSchema(schema("""
				{"type": "object", "properties": {"code": {"type": "string", "pattern": "^(?!0)\\\\d+$"}},
				 "patternProperties": {"(a)\\\\1": true}}"""));

		assertThat(problems).hasSize(2)
			.anySatisfy((p) -> assertThat(p).startsWith("pattern '^(?!0)\\d+$' at /properties/code/pattern uses syntax")
				.contains("lookaround"))
			.anySatisfy((p) -> assertThat(p).startsWith("pattern '(a)\\1' at /patternProperties/(a)\\1")
				.contains("backreferences"));
	}

	@Test
	void quotesALongPatternOrReferenceOnlyInPart() {
		String pattern = "(" + "a".repeat(10_000);
		String ref = "http://example.com/" + "x".repeat(10_000);

		List<String> problems = this.validator.checkSchema(Map.of("type", "object", "properties",
				Map.of("a", Map.of("type", "string", "pattern", pattern), "b", Map.of("$ref", ref))));

		assertThat(problems).hasSize(2).allSatisfy((p) -> assertThat(p).hasSizeLessThan(700));
	}

	// ISSUE-9 hole 13: classpath: refs loaded server files, file: and http: refs were
	// accepted and failed every call
	@Test
	void refusesReferencesThatLeaveTheSchema() {
		for (String ref : List.of("classpath:server-file.json", "file:///etc/hostname", "http://127.0.0.1:9/s.json",
				"other.json#/a")) {
			List<String> problems = this.validator
				.checkSchema(Map.of("type", "object", "properties", Map.of("a", Map.of("$ref", ref))));

			assertThat(problems).as(ref)
				.singleElement()
				.satisfies((p) -> assertThat(p).isEqualTo("$ref '" + ref
						+ "' at /properties/a/$ref points outside the schema: only references inside it (\"#/$defs/name\") are allowed"));
		}
		assertThat(this.validator.checkSchema(Map.of("$schema", "classpath:server-file.json", "type", "object")))
			.singleElement()
			.satisfies((p) -> assertThat(p).contains("is not a dialect this server knows"));
	}

	// ISSUE-9 hole 13: "$ref": "#" overflowed the stack on every call
	@Test
	void refusesReferencesThatLoopWithoutConsumingInput() {
		List<String> self = this.validator.checkSchema(schema("{\"type\": \"object\", \"$ref\": \"#\"}"));
		List<String> throughAllOf = this.validator
			.checkSchema(schema("{\"type\": \"object\", \"allOf\": [{\"not\": {\"$ref\": \"#\"}}]}"));
		List<String> betweenDefinitions = this.validator.checkSchema(schema("""
				{"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}},
				 "$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}}"""));
		List<String> throughAnAnchor = this.validator
			.checkSchema(schema("{\"type\": \"object\", \"$anchor\": \"top\", \"oneOf\": [{\"$ref\": \"#top\"}]}"));

		assertThat(self).singleElement()
			.satisfies((p) -> assertThat(p).isEqualTo(
					"the schema at / refers back to / without moving to a property or item: the reference loops forever"));
		assertThat(throughAllOf).singleElement().satisfies((p) -> assertThat(p).contains("loops forever"));
		assertThat(betweenDefinitions).singleElement()
			.satisfies((p) -> assertThat(p).contains("/$defs/").contains("loops forever"));
		assertThat(throughAnAnchor).singleElement().satisfies((p) -> assertThat(p).contains("loops forever"));
	}

	@Test
	void acceptsRecursionThroughPropertiesAndLocalReferences() {
		Map<String, Object> tree = schema(
				"""
						{"$id": "https://example.com/tree.json", "type": "object",
						 "properties": {"name": {"$ref": "#/$defs/name"}, "children": {"type": "array", "items": {"$ref": "#"}}},
						 "$defs": {"name": {"type": "string", "pattern": "^\\\\p{Letter}+$"}}}""");

		assertThat(this.validator.checkSchema(tree)).isEmpty();
		assertThat(this.validator.validate(tree, Map.of("name", "root", "children", List.of(Map.of("name", "leaf")))))
			.isEmpty();
		assertThat(this.validator.validate(tree, Map.of("children", List.of(Map.of("name", "1"))))).isNotEmpty();
		assertThat(this.validator.checkSchema(schema("{\"type\": \"object\", \"$ref\": \"#/$defs/none\"}")))
			.singleElement()
			.satisfies((p) -> assertThat(p).contains("points to nothing in the schema"));
	}

	// a schema stored before these checks is never compiled: no file is read, no stack
	// overflows, every value is refused with the reason
	@Test
	void refusesEveryValueAgainstAStoredSchemaItWouldRefuseToday() {
		Map<String, Object> leaking = Map.of("type", "object", "properties",
				Map.of("a", Map.of("$ref", "classpath:server-file.json")));
		Map<String, Object> looping = Map.of("type", "object", "$ref", "#");

		assertThat(this.validator.validate(leaking, Map.of("a", 5))).singleElement()
			.satisfies((p) -> assertThat(p).startsWith("the schema cannot be used").contains("points outside"));
		assertThat(this.validator.validate(looping, Map.of())).singleElement()
			.satisfies((p) -> assertThat(p).startsWith("the schema cannot be used").contains("loops forever"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> schema(String json) {
		return JSON.readValue(json, Map.class);
	}

}
