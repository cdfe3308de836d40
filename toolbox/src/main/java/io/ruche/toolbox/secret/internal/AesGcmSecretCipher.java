package io.ruche.toolbox.secret.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.secret.SecretCipher;

/** AES-GCM with a random nonce; stored as {@code v1:base64(nonce || ciphertext+tag)}. */
public final class AesGcmSecretCipher implements SecretCipher {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	public AesGcmSecretCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	@Override
	public String encrypt(TenantId tenant, String plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, tenant, nonce);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return PREFIX + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt a tool secret", ex);
		}
	}

	@Override
	public String decrypt(TenantId tenant, String ciphertext) {
		if (!ciphertext.startsWith(PREFIX)) {
			throw new IllegalStateException("not an encrypted tool secret");
		}
		try {
			byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
			byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, tenant, nonce);
			byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// never echo the value: it is a secret
			throw new IllegalStateException("cannot decrypt a tool secret of tenant " + tenant);
		}
	}

	private Cipher cipher(int mode, TenantId tenant, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(tenant.value().getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
