package io.ruche.server.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.ruche.server.toolbox.ToolboxSecretKey;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start on the embedded store leaves a data directory that only its owner may
 * read: the directory 700, the database, the generated bootstrap admin key and the tool
 * secret key 600. // ISSUE-9 (hole 14)
 */
class DataDirectoryPermissionsTests {

	@TempDir
	Path parent;

	@Test
	void firstStartKeepsTheDataDirectoryToItsOwner() throws IOException {
		assertThat(this.parent.getFileSystem().supportedFileAttributeViews())
			.as("these tests read POSIX file modes (Linux, macOS)")
			.contains("posix");
		Path dataDir = this.parent.resolve("data");

		try (HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir)) {
			EmbeddedStores.migrate(dataSource);
			JdbcStores stores = EmbeddedStores.jdbcStores(dataSource);
			ApiKeyService keys = new ApiKeyService(stores.apiKeys(), stores.tenants(), stores.auditLog(),
					Clock.systemUTC(), Duration.ofSeconds(30));
			new TenantBootstrap(stores.tenants(), new TenantProvisioning(stores.tenants(), stores.auditLog()), keys,
					Clock.systemUTC())
				.bootstrapIfEmpty(null, dataDir);
			ToolboxSecretKey.resolve(null, dataDir);

			assertThat(modes(dataDir)).containsEntry(".", "rwx------")
				.containsEntry("ruche.mv.db", "rw-------")
				.containsEntry("bootstrap-admin-key", "rw-------")
				.containsEntry("toolbox-secret.key", "rw-------")
				.allSatisfy((name, mode) -> assertThat(mode).as(name).endsWith("------"));
		}
	}

	private static Map<String, String> modes(Path dir) throws IOException {
		Map<String, String> modes = new TreeMap<>();
		modes.put(".", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				modes.put(file.getFileName().toString(),
						PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			}
		}
		return modes;
	}

}
