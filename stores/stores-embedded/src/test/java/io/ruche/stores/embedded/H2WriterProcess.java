package io.ruche.stores.embedded;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.port.AgentStore;
import io.ruche.kernel.model.TenantId;

/**
 * The child process of {@link H2DurabilityTests}: saves agents one after another and
 * prints {@code ACK n} once the n-th save has returned, until it is killed.
 */
final class H2WriterProcess {

	static final TenantId TENANT = TenantId.of("durable");

	private H2WriterProcess() {
	}

	public static void main(String[] args) {
		var dataSource = EmbeddedStores.dataSource(Path.of(args[0]));
		EmbeddedStores.migrate(dataSource);
		AgentStore agents = EmbeddedStores.jdbcStores(dataSource).agents();
		for (int i = 1;; i++) {
			agents.save(new Agent(TENANT, "agt_" + i, "agent " + i, "d", "p", AgentSettings.DEFAULTS, List.of(), 0,
					Instant.now()));
			System.out.println("ACK " + i);
			System.out.flush();
		}
	}

}
