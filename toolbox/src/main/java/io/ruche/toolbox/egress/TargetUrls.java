package io.ruche.toolbox.egress;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Target URLs as they may be shown: the credentials of a target registered before they
 * were refused never leave its catalog row.
 */
public final class TargetUrls {

	private static final String NOT_A_URL = "(a target that is not a URL)";

	private TargetUrls() {
	}

	/**
	 * Whether a target carries credentials ({@code http://user:password@host/}).
	 * @param target the target
	 * @return true when its authority has user-info
	 */
	public static boolean hasUserInfo(String target) {
		String authority = rawAuthority(target);
		return (authority != null) ? authority.indexOf('@') >= 0 : target.indexOf('@') >= 0;
	}

	/**
	 * The target without its user-info.
	 * @param target the target
	 * @return the target unchanged when it has none, without it otherwise, or a fixed
	 * text when it is not a URL and holds an {@code @}
	 */
	public static String redact(String target) {
		if (!hasUserInfo(target)) {
			return target;
		}
		String authority = rawAuthority(target);
		if (authority == null) {
			return NOT_A_URL;
		}
		// the authority is the only place a URL keeps user-info; its last '@' ends it
		int start = target.indexOf(authority);
		return target.substring(0, start) + authority.substring(authority.lastIndexOf('@') + 1)
				+ target.substring(start + authority.length());
	}

	private static @Nullable String rawAuthority(String target) {
		try {
			return new URI(target).getRawAuthority();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
