package io.ruche.kernel.crypto;

import java.security.SecureRandom;
import java.util.List;

import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyringTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Test
	void sealsWithTheCurrentKeyIdAndOpens() {
		byte[] key = key();
		Keyring ring = Keyring.create(key, List.of());

		String sealed = ring.seal(ACME, "ada@example.com");

		assertThat(sealed).startsWith("enc:v1:" + Keyring.keyId(key) + ":").doesNotContain("ada");
		assertThat(Keyring.SEALED.matcher(sealed).matches()).isTrue();
		assertThat(ring.seal(ACME, "ada@example.com")).as("a random nonce each time").isNotEqualTo(sealed);
		assertThat(ring.open(ACME, sealed)).isEqualTo("ada@example.com");
		assertThat(ring.seal(ACME, sealed)).as("sealing twice keeps one layer").isEqualTo(sealed);
		assertThat(ring.open(ACME, "plain")).isEqualTo("plain");
		assertThat(Keyring.shown(sealed)).isEqualTo("***");
	}

	@Test
	void aValueOfOneTenantDoesNotOpenForAnother() {
		Keyring ring = Keyring.ephemeral();
		String sealed = ring.seal(ACME, "ada@example.com");

		assertThatIllegalStateException().isThrownBy(() -> ring.open(TenantId.of("globex"), sealed))
			.withMessageNotContaining("ada");
	}

	@Test
	void afterARotationOldValuesOpenAndResealUnderTheNewKey() {
		byte[] old = key();
		byte[] current = key();
		String before = Keyring.create(old, List.of()).seal(ACME, "ada@example.com");
		Keyring rotated = Keyring.create(current, List.of(old));
		String text = "{\"email\":\"" + before + "\",\"order\":\"42\"}";

		assertThat(rotated.rotating()).isTrue();
		assertThat(rotated.open(ACME, before)).isEqualTo("ada@example.com");
		String resealed = rotated.reseal(ACME, text);

		assertThat(resealed).doesNotContain(before).contains("\"order\":\"42\"");
		var matcher = Keyring.SEALED.matcher(resealed);
		assertThat(matcher.find()).isTrue();
		assertThat(matcher.group(1)).isEqualTo(Keyring.keyId(current));
		assertThat(Keyring.create(current, List.of()).open(ACME, matcher.group())).isEqualTo("ada@example.com");
		assertThat(rotated.reseal(ACME, resealed)).as("nothing left to rewrite").isSameAs(resealed);
	}

	@Test
	void aValueOfAForgottenKeyNamesTheKeyNeeded() {
		byte[] old = key();
		String before = Keyring.create(old, List.of()).seal(ACME, "ada@example.com");

		assertThatIllegalStateException().isThrownBy(() -> Keyring.create(key(), List.of()).open(ACME, before))
			.withMessageContaining(Keyring.keyId(old))
			.withMessageContaining("previous-keys");
	}

}
