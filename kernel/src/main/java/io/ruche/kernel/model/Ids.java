package io.ruche.kernel.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Generates record ids: a millisecond timestamp prefix keeps ids roughly time-ordered, a
 * random suffix keeps them unique across instances.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/**
	 * Returns a new id such as {@code rul_0193a5c2e1f4_9f2c4d1a7b3e}.
	 * @param prefix a short type prefix, for example {@code rul}
	 * @return a new unique id, never null
	 */
	public static String newId(String prefix) {
		byte[] random = new byte[6];
		RANDOM.nextBytes(random);
		return prefix + "_" + Long.toHexString(Instant.now().toEpochMilli()) + HexFormat.of().formatHex(random);
	}

}
