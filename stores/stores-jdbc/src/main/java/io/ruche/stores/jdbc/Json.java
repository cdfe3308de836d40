package io.ruche.stores.jdbc;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON text columns holding nested structure. Jackson failures are
 * translated by {@link TenantTransactions}.
 */
final class Json {

	private final JsonMapper mapper;

	Json(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	<T> T read(String json, Class<T> type) {
		return this.mapper.readValue(json, type);
	}

	<T> T read(String json, TypeReference<T> type) {
		return this.mapper.readValue(json, type);
	}

}
