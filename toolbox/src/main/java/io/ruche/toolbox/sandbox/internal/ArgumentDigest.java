package io.ruche.toolbox.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ruche.toolbox.port.JsonCodec;
import org.jspecify.annotations.Nullable;

/** SHA-256 of the arguments encoded with sorted keys, so key order does not matter. */
final class ArgumentDigest {

	private final JsonCodec json;

	ArgumentDigest(JsonCodec json) {
		this.json = json;
	}

	String of(Map<String, Object> arguments) {
		try {
			byte[] canonical = this.json.encode(sorted(arguments)).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	private static @Nullable Object sorted(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new TreeMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), sorted(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(sorted(item)));
			return copy;
		}
		return value;
	}

}
