package io.ruche.stores.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database and its directory are readable by the owner only: the directory
 * 700 and every file in it 600, whether the directory is new or existed with wider modes.
 * // ISSUE-9 (hole 14)
 */
class DataDirectoryPermissionsTests {

	@TempDir
	Path parent;

	@BeforeEach
	void posixOnly() {
		assertThat(this.parent.getFileSystem().supportedFileAttributeViews())
			.as("these tests read POSIX file modes (Linux, macOS)")
			.contains("posix");
	}

	@Test
	void createsTheDataDirectoryAndTheDatabaseForTheOwnerOnly() throws IOException {
		Path dataDir = this.parent.resolve("data");

		try (HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir)) {
			EmbeddedStores.migrate(dataSource);

			assertOwnerOnly(dataDir);
		}
	}

	@Test
	void tightensADataDirectoryThatOthersCouldRead() throws IOException {
		Path dataDir = Files.createDirectory(this.parent.resolve("data"));
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

		try (HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir)) {
			EmbeddedStores.migrate(dataSource);

			assertOwnerOnly(dataDir);
		}
	}

	@Test
	void tightensADatabaseFileLeftReadableByAnEarlierVersion() throws IOException {
		Path dataDir = this.parent.resolve("data");
		try (HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir)) {
			EmbeddedStores.migrate(dataSource);
		}
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(dataDir.resolve("ruche.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

		try (HikariDataSource dataSource = EmbeddedStores.dataSource(dataDir)) {
			assertOwnerOnly(dataDir);
		}
	}

	private static void assertOwnerOnly(Path dataDir) throws IOException {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		List<Path> files;
		try (Stream<Path> listed = Files.list(dataDir)) {
			files = listed.toList();
		}
		assertThat(files).extracting((file) -> file.getFileName().toString()).contains("ruche.mv.db");
		for (Path file : files) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("mode of %s", file)
				.isEqualTo("rw-------");
		}
	}

}
