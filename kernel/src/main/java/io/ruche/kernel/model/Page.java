package io.ruche.kernel.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

	/**
	 * Cuts a page out of a complete, ordered list.
	 * @param <T> the item type
	 * @param all every item, in order
	 * @param request the page wanted
	 * @return the page, with a cursor when more items follow
	 */
	public static <T> Page<T> slice(List<T> all, PageRequest request) {
		int from = Math.min(request.offset(), all.size());
		int to = Math.min(from + request.limit(), all.size());
		return new Page<>(all.subList(from, to), (to < all.size()) ? Integer.toString(to) : null);
	}

}
