package io.ruche.stores.postgres;

import java.net.ServerSocket;

import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A PostgreSQL server that cannot be reached fails with
 * {@link StoreUnavailableException}.
 */
class PgStoreUnavailableTests {

	@Test
	void unreachableServerFailsAsUnavailable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				"jdbc:postgresql://127.0.0.1:" + closedPort + "/ruche?connectTimeout=2", "postgres", "");
		JdbcStores stores = PostgresStores.jdbcStores(dataSource, PostgresStores.DEFAULT_RLS_ROLE);

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> stores.rules().find(Moments.uniqueTenant(), "agt_1", "rul_1"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> stores.tenants().list());
	}

}
