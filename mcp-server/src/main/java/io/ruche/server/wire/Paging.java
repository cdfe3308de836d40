package io.ruche.server.wire;

import io.ruche.kernel.model.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The {@code limit} and {@code cursor} of a listing, checked when they are read: a cursor
 * is otherwise decoded only deep in a store.
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * A page request from the caller's limit and cursor.
	 * @param limit the page size
	 * @param cursor the {@code next_cursor} of the previous page, or null
	 * @return the request
	 * @throws InvalidArgumentsException when the limit is out of range or the cursor was
	 * not produced by a listing
	 */
	public static PageRequest request(int limit, @Nullable String cursor) {
		return InvalidArgumentsException.reading(() -> {
			PageRequest request = new PageRequest(limit, cursor);
			request.offset();
			return request;
		});
	}

}
