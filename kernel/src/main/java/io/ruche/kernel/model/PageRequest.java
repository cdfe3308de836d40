package io.ruche.kernel.model;

import org.jspecify.annotations.Nullable;

/**
 * A request for one page of a listing.
 *
 * @param limit the maximum number of items, 1 to 500
 * @param cursor the opaque cursor of the previous page's {@link Page#nextCursor()}, or
 * null for the first page
 */
public record PageRequest(int limit, @Nullable String cursor) {

	public static final int MAX_LIMIT = 500;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

	public static PageRequest first(int limit) {
		return new PageRequest(limit, null);
	}

	/**
	 * Returns the offset encoded in the cursor.
	 * @return the number of items to skip
	 * @throws IllegalArgumentException when the cursor was not produced by {@link Page}
	 */
	public int offset() {
		if (this.cursor == null || this.cursor.isBlank()) {
			return 0;
		}
		try {
			int offset = Integer.parseInt(this.cursor);
			if (offset < 0) {
				throw new NumberFormatException();
			}
			return offset;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"invalid cursor '" + this.cursor + "': pass the next_cursor of a previous page");
		}
	}

}
