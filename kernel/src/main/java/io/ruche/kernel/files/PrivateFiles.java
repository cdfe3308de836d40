package io.ruche.kernel.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and tightens files so that only their owner may read them: directories
 * {@code 700}, files {@code 600}. The data directory holds the embedded database, the
 * bootstrap admin key and the key that encrypts tool secrets, so neither the group nor
 * other users of the machine get any permission on it. On a file system without POSIX
 * permissions the calls create and write as usual and change no mode.
 */
public final class PrivateFiles {

	private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	/**
	 * Makes sure a directory exists and only its owner may list or enter it: a missing
	 * one is created {@code 700} (with its missing parents); an existing one that grants
	 * its group or others anything is tightened, with a warning.
	 * @param directory the directory
	 * @return the directory
	 * @throws UncheckedIOException when it cannot be created
	 */
	public static Path directory(Path directory) {
		try {
			if (Files.isDirectory(directory)) {
				restrict(directory);
			}
			else if (posix(directory)) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
			}
			else {
				Files.createDirectories(directory);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the directory " + directory, ex);
		}
	}

	/**
	 * Takes every permission of the group and of others away from an existing file or
	 * directory; the owner's are kept. A change is logged as a warning, and so is a
	 * failure to change (the file is then left as it was).
	 * @param path the file or directory
	 */
	public static void restrict(Path path) {
		if (!posix(path) || !Files.exists(path)) {
			return;
		}
		try {
			Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
			Set<PosixFilePermission> tightened = EnumSet.noneOf(PosixFilePermission.class);
			tightened.addAll(current);
			tightened.removeAll(NOT_OWNER);
			if (!tightened.equals(current)) {
				Files.setPosixFilePermissions(path, tightened);
				log.warn("{} was readable beyond its owner ({}); it is now {}", path,
						PosixFilePermissions.toString(current), PosixFilePermissions.toString(tightened));
			}
		}
		catch (IOException ex) {
			log.warn("Cannot restrict {} to its owner ({}); restrict it yourself (chmod go-rwx)", path,
					ex.getMessage());
		}
	}

	/**
	 * Creates a new file that only its owner may read, in a directory made private by
	 * {@link #directory}.
	 * @param file the file
	 * @param content its text, written as UTF-8
	 * @throws FileAlreadyExistsException when the file exists (nothing is written)
	 * @throws IOException when it cannot be written
	 */
	public static void create(Path file, String content) throws IOException {
		directory(parent(file));
		Files.writeString(Files.createFile(file, ownerFile(file)), content, StandardCharsets.UTF_8);
	}

	/**
	 * Writes a file that only its owner may read, replacing an earlier one at once: the
	 * text goes to a private temporary file that is then renamed, so that the file is
	 * never readable by others nor half written.
	 * @param file the file
	 * @param content its text, written as UTF-8
	 * @throws IOException when it cannot be written
	 */
	public static void replace(Path file, String content) throws IOException {
		Path directory = directory(parent(file));
		Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp", ownerFile(file));
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static FileAttribute<?>[] ownerFile(Path file) {
		return posix(file) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_FILE) }
				: new FileAttribute<?>[0];
	}

	private static Path parent(Path file) {
		Path parent = file.toAbsolutePath().getParent();
		if (parent == null) {
			throw new IllegalArgumentException("no directory holds " + file);
		}
		return parent;
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
