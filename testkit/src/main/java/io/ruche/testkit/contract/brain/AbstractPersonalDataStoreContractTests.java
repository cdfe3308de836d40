package io.ruche.testkit.contract.brain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.port.PersonalDataStore.Erasure;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Sessions;
import io.ruche.testkit.fixtures.Turns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link PersonalDataStore} adapter shares, over the stores of the
 * same backend that hold the data.
 */
public abstract class AbstractPersonalDataStoreContractTests {

	/**
	 * The stores of one backend.
	 *
	 * @param personalData the store under test
	 * @param sessions the sessions of the same database
	 * @param turns the turns and traces of the same database
	 * @param interlocutors the profiles of the same database
	 */
	public record Stores(PersonalDataStore personalData, SessionStore sessions, TurnStore turns,
			InterlocutorStore interlocutors) {
	}

	private final TenantId tenant = Moments.uniqueTenant();

	private Stores stores;

	protected abstract Stores createStores();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpStores() {
		onStart();
		this.stores = createStores();
	}

	@AfterEach
	void closeStores() {
		onClose();
	}

	private Session session(TenantId owner, String interlocutor) {
		return this.stores.sessions()
			.save(Sessions.aSession(owner, "agt_1").withInterlocutor(interlocutor).withVersion(0).build());
	}

	private TurnRecord turn(TenantId owner, String sessionId, int number, Instant at) {
		String traceId = Moments.uniqueId("trc");
		TurnRecord base = Turns.aTurn(owner, sessionId, number, "reply " + number, traceId);
		TurnRecord record = new TurnRecord(owner, sessionId, number, base.message(), base.response(), base.mode(),
				base.matchedRules(), base.scenarioId(), base.stepId(), base.toolCalls(), traceId, at, null);
		Trace trace = Turns.aTrace(owner, traceId, sessionId, number);
		this.stores.turns().record(record, new Trace(owner, traceId, sessionId, number, trace.phases(), at));
		return record;
	}

	private void profile(TenantId owner, String id) {
		this.stores.interlocutors()
			.save(new Interlocutor(owner, id, Map.of("email", "ada@example.com"), Set.of("email"), Moments.now()));
	}

	@Test
	void listsTheSessionsOfOneInterlocutorOldestFirst() {
		Session first = session(this.tenant, "itl_ada");
		Session second = session(this.tenant, "itl_ada");
		session(this.tenant, "itl_bob");

		List<Session> found = this.stores.personalData().sessionsOf(this.tenant, "itl_ada");

		assertThat(found).extracting(Session::id).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(found).allSatisfy((s) -> assertThat(s.interlocutorId()).isEqualTo("itl_ada"));
		assertThat(this.stores.personalData().sessionsOf(this.tenant, "itl_nobody")).isEmpty();
	}

	@Test
	void erasesProfileSessionsTurnsAndTracesOfOneInterlocutorOnly() {
		profile(this.tenant, "itl_ada");
		profile(this.tenant, "itl_bob");
		Session ada = session(this.tenant, "itl_ada");
		Session bob = session(this.tenant, "itl_bob");
		TurnRecord adaTurn = turn(this.tenant, ada.id(), 1, Moments.now());
		turn(this.tenant, ada.id(), 2, Moments.now());
		TurnRecord bobTurn = turn(this.tenant, bob.id(), 1, Moments.now());
		this.stores.turns()
			.receive(new InboxMessage(this.tenant, ada.id(), "m-1", "my card is 4111", Moments.now(), null));
		this.stores.turns().receive(new InboxMessage(this.tenant, bob.id(), "m-1", "hello", Moments.now(), null));

		Erasure erasure = this.stores.personalData().erase(this.tenant, "itl_ada");

		assertThat(erasure).isEqualTo(new Erasure(true, 1, 2));
		assertThat(this.stores.interlocutors().find(this.tenant, "itl_ada")).isEmpty();
		assertThat(this.stores.sessions().find(this.tenant, ada.id())).isEmpty();
		assertThat(this.stores.turns().turns(this.tenant, ada.id())).isEmpty();
		assertThat(this.stores.turns().trace(this.tenant, adaTurn.traceId())).isEmpty();
		assertThat(this.stores.turns().message(this.tenant, ada.id(), "m-1")).isEmpty();
		assertThat(this.stores.turns().message(this.tenant, bob.id(), "m-1")).isPresent();
		assertThat(this.stores.interlocutors().find(this.tenant, "itl_bob")).isPresent();
		assertThat(this.stores.turns().turns(this.tenant, bob.id())).hasSize(1);
		assertThat(this.stores.turns().trace(this.tenant, bobTurn.traceId())).isPresent();
		assertThat(this.stores.personalData().erase(this.tenant, "itl_ada")).isEqualTo(Erasure.NONE);
	}

	@Test
	void erasureStaysInItsTenant() {
		TenantId other = Moments.uniqueTenant();
		profile(other, "itl_ada");
		Session elsewhere = session(other, "itl_ada");

		assertThat(this.stores.personalData().erase(this.tenant, "itl_ada")).isEqualTo(Erasure.NONE);
		assertThat(this.stores.interlocutors().find(other, "itl_ada")).isPresent();
		assertThat(this.stores.sessions().find(other, elsewhere.id())).isPresent();
	}

	@Test
	void purgesTurnsAndTracesOlderThanATime() {
		Session session = session(this.tenant, "itl_ada");
		Instant now = Moments.now();
		TurnRecord old = turn(this.tenant, session.id(), 1, now.minus(Duration.ofDays(40)));
		TurnRecord recent = turn(this.tenant, session.id(), 2, now.minus(Duration.ofDays(2)));
		TenantId other = Moments.uniqueTenant();
		Session otherSession = session(other, "itl_ada");
		turn(other, otherSession.id(), 1, now.minus(Duration.ofDays(40)));
		this.stores.turns()
			.receive(new InboxMessage(this.tenant, session.id(), "m-old", "hi", now.minus(Duration.ofDays(40)), null));
		this.stores.turns()
			.receive(new InboxMessage(this.tenant, session.id(), "m-new", "hi", now.minus(Duration.ofDays(2)), null));

		int purged = this.stores.personalData().purgeTurns(this.tenant, now.minus(Duration.ofDays(30)));

		assertThat(purged).isEqualTo(1);
		assertThat(this.stores.turns().turns(this.tenant, session.id())).extracting(TurnRecord::turn)
			.containsExactly(2);
		assertThat(this.stores.turns().trace(this.tenant, old.traceId())).isEmpty();
		assertThat(this.stores.turns().trace(this.tenant, recent.traceId())).isPresent();
		assertThat(this.stores.turns().turns(other, otherSession.id())).hasSize(1);
		assertThat(this.stores.turns().pending(this.tenant, session.id())).extracting(InboxMessage::messageId)
			.containsExactly("m-new");
	}

	@Test
	void rewritesTheStoredTextsThatChange() {
		profile(this.tenant, "itl_ada");
		Session session = this.stores.sessions()
			.save(Sessions.aSession(this.tenant, "agt_1")
				.withInterlocutor("itl_ada")
				.withVariables(Map.of("email", "ada@example.com", "order", "42"))
				.build());

		int rewritten = this.stores.personalData()
			.rewrite(this.tenant, (text) -> text.replace("ada@example.com", "grace@example.com"));

		assertThat(rewritten).isEqualTo(2);
		assertThat(this.stores.interlocutors().find(this.tenant, "itl_ada").orElseThrow().fields())
			.containsEntry("email", "grace@example.com");
		assertThat(this.stores.sessions().find(this.tenant, session.id()).orElseThrow().state().variables())
			.containsEntry("email", "grace@example.com")
			.containsEntry("order", "42");
		assertThat(this.stores.personalData().rewrite(this.tenant, (text) -> text)).isZero();
	}

}
