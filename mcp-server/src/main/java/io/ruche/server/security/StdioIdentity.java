package io.ruche.server.security;

import org.jspecify.annotations.Nullable;

/**
 * Who a stdio session acts as: stdio has no HTTP headers, so the identity is fixed for
 * the process, from {@code RUCHE_API_KEY} or else the bootstrap admin. Unset (null) when
 * serving HTTP.
 */
public final class StdioIdentity {

	private volatile @Nullable Principal principal;

	public @Nullable Principal principal() {
		return this.principal;
	}

	public void actAs(Principal principal) {
		this.principal = principal;
	}

}
