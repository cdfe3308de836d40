package io.ruche.kernel.model;

import java.util.regex.Pattern;

/**
 * The identity of a tenant. Every record of the platform carries one.
 *
 * @param value a lowercase slug such as {@code default} or {@code acme}
 */
public record TenantId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	public TenantId {
		if (!SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"tenant id must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit: "
							+ value);
		}
	}

	public static TenantId of(String value) {
		return new TenantId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
