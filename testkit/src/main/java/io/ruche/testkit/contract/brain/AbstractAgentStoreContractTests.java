package io.ruche.testkit.contract.brain;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.port.AgentStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Agents;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link AgentStore} adapter shares.
 */
public abstract class AbstractAgentStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private AgentStore store;

	protected abstract AgentStore createStore();

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
	void createsAgentWithVersionOne() {
		Agent agent = Agents.anAgent(this.tenant).withName("support").build();

		Agent saved = this.store.save(agent);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(this.store.find(this.tenant, agent.id())).contains(saved);
		assertThat(this.store.findByName(this.tenant, "support")).contains(saved);
		assertThat(saved.settings()).isEqualTo(agent.settings());
	}

	@Test
	void updateIncrementsVersionAndRejectsStaleOne() {
		Agent saved = this.store.save(Agents.anAgent(this.tenant).withName("support").build());
		Agent updated = this.store
			.save(Agents.anAgent(this.tenant).withId(saved.id()).withName("helpdesk").withVersion(1).build());

		Agent stale = Agents.anAgent(this.tenant).withId(saved.id()).withName("other").withVersion(1).build();

		assertThat(updated.version()).isEqualTo(2);
		assertThat(this.store.findByName(this.tenant, "support")).isEmpty();
		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.save(stale));
	}

	@Test
	void keepsTheFieldsTheAgentDeclares() {
		Agent agent = Agents.anAgent(this.tenant)
			.withFields(new FieldSpec("email", "e-mail address", "(\\S+@\\S+)", false, true, true))
			.build();

		Agent saved = this.store.save(agent);

		assertThat(this.store.find(this.tenant, agent.id())).hasValueSatisfying(
				(found) -> assertThat(found.fields()).isEqualTo(agent.fields()).isEqualTo(saved.fields()));
	}

	@Test
	void rejectsTakenName() {
		this.store.save(Agents.anAgent(this.tenant).withName("support").build());

		Agent other = Agents.anAgent(this.tenant).withName("support").build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.save(other));
	}

	@Test
	void rejectsCreateOfExistingId() {
		Agent saved = this.store.save(Agents.anAgent(this.tenant).build());

		Agent again = Agents.anAgent(this.tenant).withId(saved.id()).build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> this.store.save(again));
	}

	@Test
	void findsNamesCaseSensitively() {
		this.store.save(Agents.anAgent(this.tenant).withName("Support").build());

		assertThat(this.store.findByName(this.tenant, "support")).isEmpty();
		assertThat(this.store.find(this.tenant, "agt_missing")).isEmpty();
	}

	@Test
	void listsByName() {
		this.store.save(Agents.anAgent(this.tenant).withName("charlie").build());
		this.store.save(Agents.anAgent(this.tenant).withName("alpha").build());
		this.store.save(Agents.anAgent(this.tenant).withName("bravo").build());

		assertThat(this.store.list(this.tenant)).extracting(Agent::name).containsExactly("alpha", "bravo", "charlie");
	}

	@Test
	void deletesWithinTheTenantAndFreesTheName() {
		Agent saved = this.store.save(Agents.anAgent(this.tenant).withName("support").build());

		assertThat(this.store.delete(Moments.uniqueTenant(), saved.id())).isFalse();
		assertThat(this.store.delete(this.tenant, saved.id())).isTrue();
		assertThat(this.store.delete(this.tenant, saved.id())).isFalse();
		assertThat(this.store.find(this.tenant, saved.id())).isEmpty();
		assertThat(this.store.list(this.tenant)).isEmpty();
		assertThat(this.store.save(Agents.anAgent(this.tenant).withName("support").build()).version()).isEqualTo(1);
	}

	@Test
	void isolatesTenants() {
		Agent saved = this.store.save(Agents.anAgent(this.tenant).withName("support").build());
		TenantId other = Moments.uniqueTenant();

		Agent sameName = this.store.save(Agents.anAgent(other).withName("support").build());

		assertThat(this.store.find(other, saved.id())).isEmpty();
		assertThat(this.store.list(other)).containsExactly(sameName);
	}

}
