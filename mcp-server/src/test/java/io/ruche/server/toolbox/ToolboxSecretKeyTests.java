package io.ruche.server.toolbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.secret.SecretSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ToolboxSecretKeyTests {

	@TempDir
	Path dataDir;

	@Test
	void generatedKeyIsKeptInTheDataDirAndSurvivesRestarts() {
		TenantId tenant = TenantId.of("acme");
		SecretSettings first = ToolboxSecretKey.resolve(null, this.dataDir);
		String ciphertext = SecretCipher.aesGcm(first).encrypt(tenant, "token-123");

		SecretSettings again = ToolboxSecretKey.resolve("", this.dataDir);

		assertThat(Files.exists(this.dataDir.resolve(ToolboxSecretKey.FILE_NAME))).isTrue();
		assertThat(SecretCipher.aesGcm(again).decrypt(tenant, ciphertext)).isEqualTo("token-123");
	}

	@Test
	void configuredKeyWinsOverTheFile() {
		byte[] key = new byte[32];
		key[0] = 7;
		SecretSettings configured = ToolboxSecretKey.resolve(Base64.getEncoder().encodeToString(key), this.dataDir);
		assertThat(configured.key()).isEqualTo(key);
		assertThat(Files.exists(this.dataDir.resolve(ToolboxSecretKey.FILE_NAME))).isFalse();
	}

}
