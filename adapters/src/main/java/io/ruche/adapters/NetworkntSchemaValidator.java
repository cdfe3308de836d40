package io.ruche.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ruche.toolbox.port.SchemaValidator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Toolbox's schema validator over networknt json-schema-validator: JSON Schema
 * 2020-12 unless a schema's {@code $schema} names another dialect; never fetches remote
 * {@code $ref}s. Compiled schemas are cached by their canonical JSON text (bounded).
 */
public final class NetworkntSchemaValidator implements SchemaValidator {

	private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private static final int MAX_CACHED = 2_000;

	private final JsonMapper mapper;

	private final SchemaRegistry registry;

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	public NetworkntSchemaValidator(JsonMapper mapper) {
		this.mapper = mapper;
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaLoader((loader) -> loader.fetchRemoteResources(false)));
	}

	@Override
	public List<String> checkSchema(Map<String, Object> schema) {
		JsonNode node;
		try {
			node = this.mapper.valueToTree(schema);
		}
		catch (JacksonException ex) {
			return List.of("not JSON: " + ex.getOriginalMessage());
		}
		String dialect = (schema.get("$schema") instanceof String id && !id.isBlank()) ? id : DRAFT_2020_12;
		List<String> problems = new ArrayList<>();
		try {
			Schema meta = this.compiled.computeIfAbsent("meta:" + dialect,
					(key) -> this.registry.getSchema(SchemaLocation.of(dialect)));
			problems.addAll(describe(meta.validate(node)));
			if (problems.isEmpty()) {
				compile(schema, node);
			}
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			problems.add("not a usable JSON Schema: " + ex.getMessage());
		}
		return problems;
	}

	@Override
	public List<String> validate(Map<String, Object> schema, @Nullable Object value) {
		JsonNode instance = this.mapper.valueToTree(value);
		Schema compiledSchema = compile(schema, this.mapper.valueToTree(schema));
		return describe(compiledSchema.validate(instance));
	}

	private Schema compile(Map<String, Object> schema, JsonNode node) {
		String key = this.mapper.writeValueAsString(node);
		Schema cached = this.compiled.get(key);
		if (cached != null) {
			return cached;
		}
		if (this.compiled.size() >= MAX_CACHED) {
			this.compiled.clear();
		}
		Schema fresh = this.registry.getSchema(node);
		this.compiled.put(key, fresh);
		return fresh;
	}

	private static List<String> describe(List<Error> errors) {
		return errors.stream().map(NetworkntSchemaValidator::describe).toList();
	}

	private static String describe(Error error) {
		String location = String.valueOf(error.getInstanceLocation());
		String message = error.getMessage();
		return (message.startsWith(location)) ? message : location + ": " + message;
	}

}
