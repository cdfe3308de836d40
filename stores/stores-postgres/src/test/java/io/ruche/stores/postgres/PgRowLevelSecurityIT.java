package io.ruche.stores.postgres;

import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Session;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreException;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.stores.jdbc.TenantBinder;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Agents;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Rules;
import io.ruche.testkit.fixtures.Sessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Row-level security isolates tenants even in SQL that forgets its tenant filter.
 */
class PgRowLevelSecurityIT {

	private static final PgTestDatabase database = PgTestDatabase.create();

	private final FakeEmbeddingModel model = new FakeEmbeddingModel();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Test
	void queryWithoutTenantFilterSeesOnlyItsOwnTenant() {
		TenantId tenantA = Moments.uniqueTenant();
		TenantId tenantB = Moments.uniqueTenant();
		Rule rule = Rules.aRule(tenantA, "agt_1").build();
		database.stores().rules().save(rule, this.model.embed("hello"));

		long seenByB = database.stores()
			.transactions()
			.inTenant(tenantB, (jdbc) -> jdbc.sql("SELECT COUNT(*) FROM rules").query(Long.class).single());
		long seenByA = database.stores()
			.transactions()
			.inTenant(tenantA, (jdbc) -> jdbc.sql("SELECT COUNT(*) FROM rules").query(Long.class).single());
		long versionsSeenByB = database.stores()
			.transactions()
			.inTenant(tenantB, (jdbc) -> jdbc.sql("SELECT COUNT(*) FROM rule_versions").query(Long.class).single());

		assertThat(seenByB).isZero();
		assertThat(versionsSeenByB).isZero();
		assertThat(seenByA).isEqualTo(1);
	}

	@Test
	void writeIntoAnotherTenantIsRefused() {
		TenantId tenantA = Moments.uniqueTenant();
		TenantId tenantB = Moments.uniqueTenant();

		assertThatExceptionOfType(StoreException.class).isThrownBy(
				() -> database.stores()
					.transactions()
					.inTenant(tenantB, (jdbc) -> jdbc
						.sql("INSERT INTO tool_activations (tenant_id, agent_id, tool_name, enabled, updated_at)"
								+ " VALUES (?, 'agt_1', 'weather', true, now())")
						.param(tenantA.value())
						.update()));
		assertThat(database.stores().toolActivations().list(tenantA, "agt_1")).isEmpty();
	}

	@Test
	void repositoryCallsRunUnderTheBindingOfTheirTransaction() {
		TenantId tenant = Moments.uniqueTenant();
		Session session = database.stores().sessions().save(Sessions.aSession(tenant, "agt_1").build());
		// the role of the real binding, but no tenant named
		String setRole = "SET LOCAL ROLE \"" + PostgresStores.DEFAULT_RLS_ROLE + "\"";
		TenantBinder roleWithoutTenant = (jdbc, ignored) -> jdbc.sql(setRole).update();
		JdbcStores withoutTenant = JdbcStores.builder(database.dataSource())
			.vectorSearch(new PgVectorSearch())
			.dialect(JdbcPostgresDialect.INSTANCE)
			.tenantBinder(roleWithoutTenant)
			.build();

		assertThat(database.stores().sessions().find(tenant, session.id())).contains(session);
		assertThat(withoutTenant.sessions().find(tenant, session.id())).isEmpty();
		assertThat(withoutTenant.sessions().list(tenant, null, PageRequest.first(10)).items()).isEmpty();
		assertThatExceptionOfType(StoreException.class)
			.isThrownBy(() -> withoutTenant.agents().save(Agents.anAgent(tenant).build()));
	}

}
