package io.ruche.testkit.contract.brain;

import io.ruche.brain.model.Session;
import io.ruche.brain.port.SessionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link SessionStore} adapter shares.
 */
public abstract class AbstractSessionStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private SessionStore store;

	protected abstract SessionStore createStore();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpStore() {
		onStart();
		this.store = createStore();
	}

	@AfterEach
	void closeStore() {
		onClose();
	}

	@Test
	void createsSessionWithVersionOneAndKeepsState() {
		Session session = Sessions.aSession(this.tenant, "agt_1").build();

		Session saved = this.store.save(session);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.state()).isEqualTo(session.state());
		assertThat(this.store.find(this.tenant, session.id())).contains(saved);
	}

	@Test
	void rejectsStaleVersion() {
		Session saved = this.store.save(Sessions.aSession(this.tenant, "agt_1").build());
		Session second = this.store
			.save(Sessions.aSession(this.tenant, "agt_1").withId(saved.id()).withVersion(1).build());

		Session stale = Sessions.aSession(this.tenant, "agt_1").withId(saved.id()).withVersion(1).build();
		Session recreate = Sessions.aSession(this.tenant, "agt_1").withId(saved.id()).build();

		assertThat(second.version()).isEqualTo(2);
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.save(stale));
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.save(recreate));
	}

	@Test
	void listsMostRecentlyUpdatedFirstFilteredByAgent() {
		java.time.Instant now = Moments.now();
		Session old = this.store
			.save(Sessions.aSession(this.tenant, "agt_1").withUpdatedAt(now.minusSeconds(60)).build());
		Session recent = this.store.save(Sessions.aSession(this.tenant, "agt_1").withUpdatedAt(now).build());
		Session otherAgent = this.store
			.save(Sessions.aSession(this.tenant, "agt_2").withUpdatedAt(now.minusSeconds(30)).build());

		Page<Session> all = this.store.list(this.tenant, null, PageRequest.first(2));
		Page<Session> rest = this.store.list(this.tenant, null, new PageRequest(2, all.nextCursor()));
		Page<Session> agent1 = this.store.list(this.tenant, "agt_1", PageRequest.first(10));

		assertThat(all.items()).extracting(Session::id).containsExactly(recent.id(), otherAgent.id());
		assertThat(rest.items()).extracting(Session::id).containsExactly(old.id());
		assertThat(rest.nextCursor()).isNull();
		assertThat(agent1.items()).extracting(Session::id).containsExactly(recent.id(), old.id());
	}

	@Test
	void isolatesTenants() {
		Session saved = this.store.save(Sessions.aSession(this.tenant, "agt_1").build());
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.find(other, saved.id())).isEmpty();
		assertThat(this.store.list(other, null, PageRequest.first(10)).items()).isEmpty();
		assertThat(this.store.find(this.tenant, "ses_missing")).isEmpty();
	}

}
