package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.model.FieldSpec;

import static io.ruche.server.wire.Schemas.anyObject;

/**
 * A collected field, as a scenario step's {@code collects} and an agent's {@code fields}
 * carry it: {@code {name, description, pattern?, required?, personal?, profile?}}.
 */
final class CollectedFieldJson {

	static final Map<String, Object> SCHEMA = anyObject(
			"{name, description, pattern?, required?, personal?, profile? (also written to the interlocutor's profile)}");

	private CollectedFieldJson() {
	}

	static Map<String, Object> write(FieldSpec field) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", field.name());
		map.put("description", field.description());
		if (field.pattern() != null) {
			map.put("pattern", field.pattern());
		}
		map.put("required", field.required());
		map.put("personal", field.personal());
		map.put("profile", field.profile());
		return map;
	}

	/**
	 * Reads a field.
	 * @param field the field's JSON
	 * @param required whether the field is required when it does not say
	 * @return the field
	 */
	static FieldSpec read(Args field, boolean required) {
		return new FieldSpec(field.string("name"), Fields.orDefault(field.optionalString("description"), ""),
				field.optionalString("pattern"), field.bool("required", required), field.bool("personal", false),
				field.bool("profile", false));
	}

}
