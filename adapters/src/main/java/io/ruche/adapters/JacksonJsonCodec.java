package io.ruche.adapters;

import io.ruche.toolbox.port.JsonCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Toolbox's JSON codec over the application's Jackson 3 mapper: objects decode to
 * {@code Map<String, Object>}, arrays to lists.
 */
public final class JacksonJsonCodec implements JsonCodec {

	private final JsonMapper mapper;

	public JacksonJsonCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public String encode(@Nullable Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("value is not JSON-like: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public @Nullable Object decode(String json) {
		try {
			return this.mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
