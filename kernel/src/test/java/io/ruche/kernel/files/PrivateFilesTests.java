package io.ruche.kernel.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PrivateFilesTests {

	@TempDir
	Path parent;

	@BeforeEach
	void posixOnly() {
		assertThat(this.parent.getFileSystem().supportedFileAttributeViews())
			.as("these tests read POSIX file modes (Linux, macOS)")
			.contains("posix");
	}

	@Test
	void replacesAFileOthersCouldReadWithAPrivateOne() throws IOException {
		Path file = Files.writeString(this.parent.resolve("key"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		PrivateFiles.replace(file, "new");

		assertThat(file).hasContent("new");
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(this.parent).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void createsNewFilesInAPrivateDirectoryAndNeverOverwrites() throws IOException {
		Path file = this.parent.resolve("data/secret.key");

		PrivateFiles.create(file, "first");

		assertThat(mode(file.getParent())).isEqualTo("rwx------");
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThatExceptionOfType(FileAlreadyExistsException.class)
			.isThrownBy(() -> PrivateFiles.create(file, "second"));
		assertThat(file).hasContent("first");
	}

	@Test
	void restrictingTakesFromGroupAndOthersAndGivesNothing() throws IOException {
		Path file = Files.writeString(this.parent.resolve("readonly"), "x");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--rw-r--"));

		PrivateFiles.restrict(file);

		assertThat(mode(file)).isEqualTo("r--------");
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
