package io.ruche.toolbox.secret;

import java.util.Base64;

import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private final SecretCipher cipher = SecretCipher.aesGcm(new SecretSettings(new byte[32]));

	@Test
	void decryptsWhatItEncryptedWithAFreshNonceEachTime() {
		String first = this.cipher.encrypt(TenantId.of("acme"), "Bearer abc");
		String second = this.cipher.encrypt(TenantId.of("acme"), "Bearer abc");

		assertThat(first).isNotEqualTo(second).doesNotContain("abc");
		assertThat(this.cipher.decrypt(TenantId.of("acme"), first)).isEqualTo("Bearer abc");
	}

	@Test
	void refusesASecretOfAnotherTenant() {
		String sealed = this.cipher.encrypt(TenantId.of("acme"), "Bearer abc");

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(TenantId.of("globex"), sealed))
			.withMessageNotContaining("abc");
	}

	@Test
	void refusesATamperedSecret() {
		String sealed = this.cipher.encrypt(TenantId.of("acme"), "Bearer abc");
		// flip one bit of the ciphertext itself: editing base64 text may only touch
		// padding bits
		int colon = sealed.lastIndexOf(':') + 1;
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon));
		bytes[bytes.length / 2] ^= 1;
		String tampered = sealed.substring(0, colon) + Base64.getEncoder().encodeToString(bytes);

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(TenantId.of("acme"), tampered));
	}

}
