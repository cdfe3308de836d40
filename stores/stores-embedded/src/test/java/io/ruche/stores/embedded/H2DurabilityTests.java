package io.ruche.stores.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.ruche.brain.port.AgentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged write survives {@code kill -9} of the process that made it.
 */
class H2DurabilityTests {

	private static final int ACKS_BEFORE_KILL = 150;

	@TempDir
	Path dataDir;

	@Test
	void acknowledgedWritesSurviveAKilledProcess() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), H2WriterProcess.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		int acknowledged = 0;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (acknowledged < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
				if (line.startsWith("ACK ")) {
					acknowledged = Integer.parseInt(line.substring(4));
				}
			}
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}

		try (HikariDataSource dataSource = EmbeddedStores.dataSource(this.dataDir)) {
			EmbeddedStores.migrate(dataSource);
			AgentStore agents = EmbeddedStores.jdbcStores(dataSource).agents();

			assertThat(acknowledged).isEqualTo(ACKS_BEFORE_KILL);
			for (int i = 1; i <= acknowledged; i++) {
				assertThat(agents.find(H2WriterProcess.TENANT, "agt_" + i)).as("agent %d", i).isPresent();
			}
		}
	}

}
