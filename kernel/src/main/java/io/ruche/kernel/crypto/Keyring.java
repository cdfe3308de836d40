package io.ruche.kernel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.ruche.kernel.model.TenantId;

/**
 * Seals personal values with AES-GCM (JDK crypto) under the current key and opens values
 * sealed under the current or a previous key. A sealed value is the text
 * {@code enc:v1:<key id>:<base64url(nonce || ciphertext+tag)>}: the key id (the first 8
 * hex digits of the key's SHA-256) says which key opens it, and the tenant is the
 * associated data, so a value copied to another tenant does not open. Rotation: configure
 * a new current key and keep the old ones as previous keys until {@link #reseal} has
 * rewritten every stored value (docs/privacy.md, Key rotation).
 */
public final class Keyring {

	/** What a sealed value starts with. */
	public static final String PREFIX = "enc:v1:";

	/** How a sealed value is shown wherever it is not opened. */
	public static final String MASK = "***";

	/** A sealed value inside any text (a JSON column, for example). */
	public static final Pattern SEALED = Pattern.compile("enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)");

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final String currentId;

	private final SecretKeySpec current;

	private final Map<String, SecretKeySpec> keys;

	private Keyring(byte[] current, List<byte[]> previous) {
		this.keys = new LinkedHashMap<>();
		this.currentId = add(current);
		this.current = new SecretKeySpec(current.clone(), "AES");
		previous.forEach(this::add);
	}

	private String add(byte[] key) {
		if (key.length != 16 && key.length != 24 && key.length != 32) {
			throw new IllegalArgumentException("a secret key must be 16, 24 or 32 bytes, was " + key.length);
		}
		String id = keyId(key);
		this.keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
		return id;
	}

	/**
	 * Creates a keyring.
	 * @param current the key that seals new values (16, 24 or 32 bytes)
	 * @param previous older keys that still open values sealed under them
	 * @return the keyring
	 */
	public static Keyring create(byte[] current, List<byte[]> previous) {
		return new Keyring(current, previous);
	}

	/**
	 * A keyring with a random key that lives as long as the process: for tests and for a
	 * brain built without a configured key.
	 * @return the keyring
	 */
	public static Keyring ephemeral() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new Keyring(key, List.of());
	}

	/**
	 * The id of a key as written in the values it seals.
	 * @param key the key
	 * @return the first 8 hex digits of its SHA-256
	 */
	public static String keyId(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	/**
	 * Whether a value is sealed.
	 * @param value the value
	 * @return true for a sealed value
	 */
	public static boolean isSealed(String value) {
		return value.startsWith(PREFIX);
	}

	/**
	 * The value as shown where it is not opened: {@link #MASK} for a sealed value.
	 * @param value the value
	 * @return the value, or the mask
	 */
	public static String shown(String value) {
		return isSealed(value) ? MASK : value;
	}

	/** The id of the key that seals new values. */
	public String currentKeyId() {
		return this.currentId;
	}

	/**
	 * Whether previous keys are configured, so that stored values may need re-sealing.
	 * @return true when the ring holds more than its current key
	 */
	public boolean rotating() {
		return this.keys.size() > 1;
	}

	/**
	 * Seals a value under the current key; a value already sealed is returned as is.
	 * @param tenant the tenant that owns the value
	 * @param plaintext the value
	 * @return the sealed value
	 */
	public String seal(TenantId tenant, String plaintext) {
		if (isSealed(plaintext)) {
			return plaintext;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.current, tenant, nonce);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return PREFIX + this.currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal a personal value", ex);
		}
	}

	/**
	 * Opens a sealed value; a value that is not sealed is returned as is.
	 * @param tenant the tenant that owns the value
	 * @param value the stored value
	 * @return the plaintext
	 * @throws IllegalStateException when no key of the ring opens it (never with the
	 * value)
	 */
	public String open(TenantId tenant, String value) {
		Matcher matcher = SEALED.matcher(value);
		if (!isSealed(value)) {
			return value;
		}
		if (!matcher.matches()) {
			throw new IllegalStateException("a sealed value of tenant " + tenant + " is malformed");
		}
		SecretKeySpec key = this.keys.get(matcher.group(1));
		if (key == null) {
			throw new IllegalStateException("no configured key has id " + matcher.group(1)
					+ ": add the key that sealed it to platform.privacy.previous-keys");
		}
		try {
			byte[] all = Base64.getUrlDecoder().decode(matcher.group(2));
			byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
			byte[] plain = cipher(Cipher.DECRYPT_MODE, key, tenant, nonce).doFinal(all, NONCE_BYTES,
					all.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"cannot open a sealed value of tenant " + tenant + " with key " + matcher.group(1));
		}
	}

	/**
	 * Rewrites every value sealed under a previous key inside a text under the current
	 * key; values already under the current key and the rest of the text are kept as they
	 * are.
	 * @param tenant the tenant that owns the text
	 * @param text a stored text (a JSON column)
	 * @return the rewritten text, the same instance when nothing changed
	 */
	public String reseal(TenantId tenant, String text) {
		Matcher matcher = SEALED.matcher(text);
		StringBuilder out = new StringBuilder();
		boolean changed = false;
		while (matcher.find()) {
			String replacement = matcher.group();
			if (!matcher.group(1).equals(this.currentId)) {
				replacement = seal(tenant, open(tenant, matcher.group()));
				changed = true;
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		if (!changed) {
			return text;
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static Cipher cipher(int mode, SecretKeySpec key, TenantId tenant, byte[] nonce)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(tenant.value().getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	@Override
	public String toString() {
		return "Keyring[current=" + this.currentId + ", keys=" + this.keys.keySet() + "]";
	}

}
