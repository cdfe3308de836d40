package io.ruche.server.toolbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.ruche.kernel.files.PrivateFiles;
import io.ruche.toolbox.secret.SecretSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key that encrypts tool secrets: the configured one
 * ({@code platform.toolbox.secret-key}, env {@code RUCHE_SECRET_KEY}, Base64 of 16, 24 or
 * 32 bytes), else the one kept in {@code <data dir>/toolbox-secret.key}, generated (256
 * bits) and written there, readable by the owner only, on first start. Losing that file
 * makes the stored secrets unreadable: back it up with the data, or set the variable.
 * Several instances must share one key: set the variable.
 */
public final class ToolboxSecretKey {

	static final String FILE_NAME = "toolbox-secret.key";

	private static final Logger log = LoggerFactory.getLogger(ToolboxSecretKey.class);

	private ToolboxSecretKey() {
	}

	/**
	 * Resolves the key.
	 * @param configured the configured key in Base64, or null/blank
	 * @param dataDir the data directory
	 * @return the settings
	 */
	public static SecretSettings resolve(@Nullable String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			return SecretSettings.fromBase64(configured);
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				return SecretSettings.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			PrivateFiles.create(file, Base64.getEncoder().encodeToString(key) + "\n");
			log.info("Generated the tool secret key in {}; back it up, or set RUCHE_SECRET_KEY", file);
			return new SecretSettings(key);
		}
		catch (FileAlreadyExistsException ex) {
			return resolve(null, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the tool secret key " + file
					+ "; set RUCHE_SECRET_KEY (Base64 of 32 random bytes)", ex);
		}
	}

}
