package io.ruche.toolbox.port;

import org.jspecify.annotations.Nullable;

/**
 * Encodes and decodes JSON for the core, which has no JSON library of its own. The app
 * implements it with Jackson.
 */
public interface JsonCodec {

	/**
	 * Encodes JSON-like values (maps, lists, strings, numbers, booleans, null).
	 * @param value the value
	 * @return the JSON text, never null
	 * @throws IllegalArgumentException when the value is not JSON-like
	 */
	String encode(@Nullable Object value);

	/**
	 * Decodes JSON text into JSON-like values (objects become
	 * {@code Map<String, Object>}).
	 * @param json the JSON text
	 * @return the value, null for JSON {@code null}
	 * @throws IllegalArgumentException when the text is not JSON
	 */
	@Nullable Object decode(String json);

}
