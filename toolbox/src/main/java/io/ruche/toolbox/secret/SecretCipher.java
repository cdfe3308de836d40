package io.ruche.toolbox.secret;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.secret.internal.AesGcmSecretCipher;

/**
 * Encrypts and decrypts tool secrets. A ciphertext is bound to its tenant: decrypting it
 * under another tenant fails.
 */
public interface SecretCipher {

	/**
	 * Encrypts a secret.
	 * @param tenant the owning tenant
	 * @param plaintext the secret
	 * @return the ciphertext as text, different on every call
	 */
	String encrypt(TenantId tenant, String plaintext);

	/**
	 * Decrypts a secret.
	 * @param tenant the owning tenant
	 * @param ciphertext a value returned by {@link #encrypt}
	 * @return the secret
	 * @throws IllegalStateException when the value was altered, belongs to another tenant
	 * or another key
	 */
	String decrypt(TenantId tenant, String ciphertext);

	/**
	 * Decrypts a tool's secret headers, right before they are sent.
	 * @param tenant the owning tenant
	 * @param ciphertexts encrypted values by header name
	 * @return the secrets by header name, in the same order
	 * @throws IllegalStateException when a value cannot be decrypted
	 */
	default Map<String, String> decryptAll(TenantId tenant, Map<String, String> ciphertexts) {
		Map<String, String> headers = new LinkedHashMap<>();
		ciphertexts.forEach((name, value) -> headers.put(name, decrypt(tenant, value)));
		return headers;
	}

	/**
	 * Creates the AES-GCM cipher (random 96-bit nonce per value, tenant as associated
	 * data).
	 * @param settings the key
	 * @return the cipher, thread-safe
	 */
	static SecretCipher aesGcm(SecretSettings settings) {
		return new AesGcmSecretCipher(settings.key());
	}

}
