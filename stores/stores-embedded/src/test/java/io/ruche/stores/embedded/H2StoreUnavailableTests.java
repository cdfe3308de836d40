package io.ruche.stores.embedded;

import java.net.ServerSocket;

import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database that cannot be reached fails with {@link StoreUnavailableException}.
 */
class H2StoreUnavailableTests {

	@Test
	void unreachableDatabaseFailsAsUnavailable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:tcp://127.0.0.1:" + closedPort + "/ruche");
		JdbcStores stores = EmbeddedStores.jdbcStores(dataSource);

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> stores.agents().list(Moments.uniqueTenant()));
	}

}
