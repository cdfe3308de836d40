package io.ruche.stores.jdbc;

import io.ruche.kernel.store.StoreDataException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON text columns holding nested structure; failures become
 * {@link StoreDataException}s.
 */
final class Json {

	private final JsonMapper mapper;

	Json(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String write(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new StoreDataException("could not write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	<T> T read(String json, Class<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new StoreDataException("stored JSON is not a valid " + type.getSimpleName(), ex);
		}
	}

	<T> T read(String json, TypeReference<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new StoreDataException("stored JSON is not a valid " + type.getType().getTypeName(), ex);
		}
	}

}
