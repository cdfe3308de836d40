package io.ruche.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.ruche.toolbox.port.SchemaValidator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Toolbox's schema validator over networknt json-schema-validator: JSON Schema
 * 2020-12 unless a schema's {@code $schema} names another dialect. A schema is checked
 * before it is compiled ({@link SchemaPrecheck}); patterns run on a linear-time engine;
 * nothing is ever loaded but the dialects' own meta-schemas, which ship in the library.
 * Compiled schemas are cached by their canonical JSON text (bounded); a prepared schema
 * is compiled once and kept by its caller, so its calls skip that look-up.
 */
public final class NetworkntSchemaValidator implements SchemaValidator {

	private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private static final int MAX_CACHED = 2_000;

	private final JsonMapper mapper;

	private final SchemaRegistry registry;

	private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

	private final Map<String, Schema> metaSchemas = new ConcurrentHashMap<>();

	public NetworkntSchemaValidator(JsonMapper mapper) {
		this.mapper = mapper;
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder
			.schemaRegistryConfig(
					SchemaRegistryConfig.builder().regularExpressionFactory(new Re2jRegularExpressionFactory()).build())
			.schemaLoader(
					(loader) -> loader.fetchRemoteResources(false).allow(NetworkntSchemaValidator::isMetaSchema)));
	}

	// The meta-schemas are resolved from the library's own resources; no other IRI
	// (classpath:, file:, http: or a dialect of one's own) is ever read.
	private static boolean isMetaSchema(AbsoluteIri iri) {
		String text = iri.toString();
		return text.startsWith("https://json-schema.org/") || text.startsWith("http://json-schema.org/");
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
		List<String> problems = new ArrayList<>(SchemaPrecheck.problems(node));
		if (!problems.isEmpty()) {
			return problems;
		}
		String dialect = (schema.get("$schema") instanceof String id && !id.isBlank()) ? id : DRAFT_2020_12;
		try {
			Schema meta = this.metaSchemas.computeIfAbsent(dialect,
					(key) -> this.registry.getSchema(SchemaLocation.of(key)));
			problems.addAll(describe(meta.validate(node)));
			if (problems.isEmpty() && compile(node) instanceof Compiled.Usable usable) {
				usable.schema().initializeValidators();
			}
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			problems.add("not a usable JSON Schema: " + ex.getMessage());
		}
		return problems;
	}

	@Override
	public List<String> validate(Map<String, Object> schema, @Nullable Object value) {
		try {
			return validate(compile(this.mapper.valueToTree(schema)), value);
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			return unusable(String.valueOf(ex.getMessage()));
		}
	}

	@Override
	public PreparedSchema prepare(Map<String, Object> schema) {
		Compiled compiled;
		try {
			compiled = compile(this.mapper.valueToTree(schema));
			if (compiled instanceof Compiled.Usable usable) {
				usable.schema().initializeValidators();
			}
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			List<String> problems = unusable(String.valueOf(ex.getMessage()));
			return (value) -> problems;
		}
		return (value) -> validate(compiled, value);
	}

	private List<String> validate(Compiled compiled, @Nullable Object value) {
		try {
			return switch (compiled) {
				case Compiled.Usable usable -> describe(usable.schema().validate(JsonTrees.of(value, this.mapper)));
				case Compiled.Refused refused -> unusable(String.join("; ", refused.problems()));
			};
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			return unusable(String.valueOf(ex.getMessage()));
		}
	}

	// a schema stored before the checks of SchemaPrecheck existed
	private static List<String> unusable(String why) {
		return List.of("the schema cannot be used, so no value is valid against it: " + why);
	}

	private Compiled compile(JsonNode node) {
		String key = this.mapper.writeValueAsString(node);
		Compiled cached = this.compiled.get(key);
		if (cached != null) {
			return cached;
		}
		if (this.compiled.size() >= MAX_CACHED) {
			this.compiled.clear();
		}
		List<String> problems = SchemaPrecheck.problems(node);
		Compiled fresh = problems.isEmpty() ? new Compiled.Usable(this.registry.getSchema(node))
				: new Compiled.Refused(problems);
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

	/** A schema ready to validate, or the reasons it cannot be. */
	private sealed interface Compiled {

		record Usable(Schema schema) implements Compiled {
		}

		record Refused(List<String> problems) implements Compiled {
		}

	}

}
