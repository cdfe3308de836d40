package io.ruche.server.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Helpers shared by the REST controllers: versions as ETags, {@code If-Match}
 * preconditions, and pages.
 */
final class Http {

	static final int DEFAULT_LIMIT = 50;

	private Http() {
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Parses an {@code If-Match} header.
	 * @param ifMatch the header, or null
	 * @return the version it names, or null when absent or {@code *}
	 */
	static @Nullable Long ifMatch(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "").trim();
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidArgumentsException(
					"If-Match must be the ETag of the resource as read, such as \"3\"; got " + ifMatch);
		}
	}

	/**
	 * Puts the {@code If-Match} version into a JSON body as its {@code version}, checks
	 * it against the current one, and runs the write; a stale version is a 412.
	 * @param <T> the result type
	 * @param body the JSON body (modified)
	 * @param ifMatch the header, or null
	 * @param current the current version, or null when the resource does not exist
	 * @param write the write
	 * @return the write's result
	 */
	static <T> T conditionally(Map<String, Object> body, @Nullable String ifMatch, @Nullable Long current,
			Supplier<T> write) {
		Long expected = ifMatch(ifMatch);
		if (expected == null) {
			return write.get();
		}
		if (current == null || current.longValue() != expected.longValue()) {
			throw new PreconditionFailedException("If-Match " + etag(expected) + " does not match the current version "
					+ ((current != null) ? etag(current) : "(none)") + "; read the resource again and retry");
		}
		body.put("version", expected);
		try {
			return write.get();
		}
		catch (StoreConflictException ex) {
			throw new PreconditionFailedException(ex.getMessage());
		}
	}

	static PageRequest page(@Nullable Integer limit, @Nullable String cursor) {
		return Paging.request((limit != null) ? limit : DEFAULT_LIMIT, cursor);
	}

	static <T> Map<String, Object> pageBody(Page<T> page, Function<T, ?> mapper) {
		return pageBody(page.items().stream().map(mapper).toList(), page.nextCursor());
	}

	static Map<String, Object> pageBody(List<?> items, @Nullable String nextCursor) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("next_cursor", nextCursor);
		return body;
	}

	static <T> ResponseEntity<T> versioned(T body, long version) {
		return ResponseEntity.ok().eTag(etag(version)).body(body);
	}

	static <T> ResponseEntity<T> created(URI location, T body, long version) {
		return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(etag(version)).body(body);
	}

	static Map<String, Object> mutable(@Nullable Map<String, Object> body) {
		return (body != null) ? new LinkedHashMap<>(body) : new LinkedHashMap<>();
	}

}
