package io.ruche.toolbox.secret;

import java.util.Base64;

/**
 * The key that encrypts tool secrets.
 *
 * @param key a 128-, 192- or 256-bit AES key; the array is owned by the record
 */
public record SecretSettings(byte[] key) {

	public SecretSettings {
		if (key.length != 16 && key.length != 24 && key.length != 32) {
			throw new IllegalArgumentException("the secret key must be 16, 24 or 32 bytes, was " + key.length);
		}
		key = key.clone();
	}

	/**
	 * Reads a Base64-encoded key, as configured in {@code platform.toolbox.secret-key}.
	 * @param base64 the key in Base64
	 * @return the settings
	 */
	public static SecretSettings fromBase64(String base64) {
		return new SecretSettings(Base64.getDecoder().decode(base64.trim()));
	}

	@Override
	public String toString() {
		return "SecretSettings[key=<redacted>]";
	}

}
