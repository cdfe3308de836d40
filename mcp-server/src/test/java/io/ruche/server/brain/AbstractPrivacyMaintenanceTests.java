package io.ruche.server.brain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.ruche.brain.InterlocutorData;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.RateLimits;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Sessions;
import io.ruche.testkit.fixtures.Turns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy round, run by two instances that share one coordination backend: one purge
 * per interval across them, old turns of a tenant with a retention purged, values sealed
 * under a previous key re-sealed.
 */
abstract class AbstractPrivacyMaintenanceTests {

	@TempDir
	Path dataDir;

	private HikariDataSource dataSource;

	private JdbcStores stores;

	private final byte[] oldKey = key();

	private final byte[] newKey = key();

	private final TenantId retaining = Moments.uniqueTenant();

	private final TenantId keeping = Moments.uniqueTenant();

	/**
	 * The rate limits of one instance; every call stands for another instance sharing the
	 * same coordination.
	 * @return the rate limits
	 */
	protected abstract RateLimits instanceLimits();

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@BeforeEach
	void openStores() throws IOException {
		this.dataSource = EmbeddedStores.dataSource(Files.createDirectories(this.dataDir.resolve("db")));
		EmbeddedStores.migrate(this.dataSource);
		this.stores = EmbeddedStores.jdbcStores(this.dataSource);
	}

	@AfterEach
	void closeStores() {
		this.dataSource.close();
	}

	private PrivacyMaintenance instance(RateLimits limits) {
		Keyring keyring = Keyring.create(this.newKey, List.of(this.oldKey));
		InterlocutorData data = InterlocutorData.create(this.stores.interlocutors(), this.stores.personalData(),
				this.stores.turns(), this.stores.auditLog(), keyring, Clock.systemUTC());
		return new PrivacyMaintenance(this.stores.tenants(), data, limits, keyring, Duration.ofHours(1));
	}

	private Session sessionWithTurns(TenantId tenant) {
		Session session = this.stores.sessions().save(Sessions.aSession(tenant, "agt_1").withVersion(0).build());
		turn(tenant, session.id(), 1, Instant.now().minus(Duration.ofDays(40)));
		turn(tenant, session.id(), 2, Instant.now().minus(Duration.ofDays(1)));
		return session;
	}

	private void turn(TenantId tenant, String sessionId, int number, Instant at) {
		String traceId = Moments.uniqueId("trc");
		TurnRecord base = Turns.aTurn(tenant, sessionId, number, "ok", traceId);
		this.stores.turns()
			.record(new TurnRecord(tenant, sessionId, number, base.message(), base.response(), base.mode(),
					base.matchedRules(), null, null, List.of(), traceId, at, null),
					new Trace(tenant, traceId, sessionId, number, List.of(), at));
	}

	@Test
	void oneInstancePurgesAndReseals() {
		this.stores.tenants().create(new Tenant(this.retaining, "retaining", false, Instant.now()));
		this.stores.tenants().create(new Tenant(this.keeping, "keeping", false, Instant.now()));
		this.stores.tenants().updateSettings(this.retaining, new TenantSettings(false, 30));
		Session retained = sessionWithTurns(this.retaining);
		Session kept = sessionWithTurns(this.keeping);
		String sealedBefore = Keyring.create(this.oldKey, List.of()).seal(this.retaining, "ada@example.org");
		this.stores.interlocutors()
			.save(new Interlocutor(this.retaining, "itl_ada", Map.of("email", sealedBefore), Set.of("email"),
					Moments.now()));

		PrivacyMaintenance first = instance(instanceLimits());
		PrivacyMaintenance second = instance(instanceLimits());
		PrivacyMaintenance.Round round = first.runIfDue();
		PrivacyMaintenance.Round skipped = second.runIfDue();

		assertThat(round).isNotNull();
		assertThat(round.purged()).isEqualTo(1);
		assertThat(round.resealed()).isGreaterThanOrEqualTo(1);
		assertThat(skipped).as("the other instance waits for the next interval").isNull();
		assertThat(this.stores.turns().turns(this.retaining, retained.id())).extracting(TurnRecord::turn)
			.containsExactly(2);
		assertThat(this.stores.turns().turns(this.keeping, kept.id())).hasSize(2);
		String sealedAfter = this.stores.interlocutors()
			.find(this.retaining, "itl_ada")
			.orElseThrow()
			.fields()
			.get("email");
		assertThat(sealedAfter).startsWith(Keyring.PREFIX + Keyring.keyId(this.newKey));
		assertThat(Keyring.create(this.newKey, List.of()).open(this.retaining, sealedAfter))
			.isEqualTo("ada@example.org");
	}

}
