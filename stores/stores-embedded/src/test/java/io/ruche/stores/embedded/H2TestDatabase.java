package io.ruche.stores.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ruche.stores.jdbc.JdbcStores;

/** One migrated H2 database in a temporary directory, shared by the tests of this JVM. */
final class H2TestDatabase {

	private static final JdbcStores STORES = open();

	private H2TestDatabase() {
	}

	static JdbcStores stores() {
		return STORES;
	}

	private static JdbcStores open() {
		try {
			Path dir = Files.createTempDirectory("ruche-h2-tests");
			var dataSource = EmbeddedStores.dataSource(dir);
			EmbeddedStores.migrate(dataSource);
			return EmbeddedStores.jdbcStores(dataSource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
