package io.ruche.server.wire;

import org.jspecify.annotations.Nullable;

/**
 * The {@code version} field of an edit: the version the caller read, to refuse a
 * concurrent edit.
 */
final class Fields {

	private Fields() {
	}

	static @Nullable Long expectedVersion(Args args) {
		return args.has("version") ? (long) args.integer("version", 0) : null;
	}

	static String orDefault(@Nullable String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
