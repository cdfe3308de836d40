package io.ruche.testkit.contract.brain;

import java.util.List;

import io.ruche.brain.model.Rule;
import io.ruche.brain.port.RuleStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Rules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link RuleStore} adapter shares.
 */
public abstract class AbstractRuleStoreContractTests {

	private final FakeEmbeddingModel model = new FakeEmbeddingModel();

	private final TenantId tenant = Moments.uniqueTenant();

	private final String agentId = Moments.uniqueId("agt");

	private RuleStore store;

	/**
	 * Returns the store under test; data of other tests may be present under other
	 * tenants.
	 * @return the store
	 */
	protected abstract RuleStore createStore();

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

	private Rule save(Rule rule) {
		return this.store.save(rule, this.model.embed(rule.content().condition()));
	}

	@Test
	void createsRuleWithVersionOne() {
		Rule rule = Rules.aRule(this.tenant, this.agentId).build();

		Rule saved = save(rule);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(this.store.find(this.tenant, this.agentId, rule.id())).contains(saved);
		assertThat(saved.content()).isEqualTo(rule.content());
	}

	@Test
	void updateIncrementsVersion() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).build());

		Rule updated = save(Rules.aRule(this.tenant, this.agentId)
			.withId(saved.id())
			.withName(saved.name())
			.withPriority(50)
			.withVersion(saved.version())
			.build());

		assertThat(updated.version()).isEqualTo(2);
		assertThat(this.store.find(this.tenant, this.agentId, saved.id())).get()
			.extracting(Rule::priority, Rule::version)
			.containsExactly(50, 2L);
	}

	@Test
	void rejectsStaleVersion() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).build());
		save(Rules.aRule(this.tenant, this.agentId).withId(saved.id()).withVersion(1).build());

		Rule stale = Rules.aRule(this.tenant, this.agentId).withId(saved.id()).withVersion(1).build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> save(stale));
	}

	@Test
	void rejectsCreateOfExistingId() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).build());

		Rule again = Rules.aRule(this.tenant, this.agentId).withId(saved.id()).build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> save(again));
	}

	@Test
	void rejectsDuplicateLiveName() {
		save(Rules.aRule(this.tenant, this.agentId).withName("greeting").build());

		Rule other = Rules.aRule(this.tenant, this.agentId).withName("greeting").build();

		assertThatExceptionOfType(StoreConflictException.class).isThrownBy(() -> save(other));
	}

	@Test
	void allowsNameOfDeletedRule() {
		Rule first = save(Rules.aRule(this.tenant, this.agentId).withName("greeting").build());
		this.store.delete(this.tenant, this.agentId, first.id());

		Rule second = save(Rules.aRule(this.tenant, this.agentId).withName("greeting").build());

		assertThat(second.version()).isEqualTo(1);
	}

	@Test
	void findsALiveRuleByNameOnly() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).withName("refunds").build());
		Rule gone = save(Rules.aRule(this.tenant, this.agentId).withName("old").build());
		this.store.delete(this.tenant, this.agentId, gone.id());

		assertThat(this.store.findByName(this.tenant, this.agentId, "refunds")).map(Rule::id).contains(saved.id());
		assertThat(this.store.findByName(this.tenant, this.agentId, "old")).isEmpty();
		assertThat(this.store.findByName(this.tenant, this.agentId, "missing")).isEmpty();
	}

	@Test
	void findReturnsEmptyOnMiss() {
		assertThat(this.store.find(this.tenant, this.agentId, "rul_missing")).isEmpty();
	}

	@Test
	void listsByPriorityThenNameWithPaging() {
		save(Rules.aRule(this.tenant, this.agentId).withName("b").withPriority(10).build());
		save(Rules.aRule(this.tenant, this.agentId).withName("a").withPriority(10).build());
		save(Rules.aRule(this.tenant, this.agentId).withName("c").withPriority(90).build());
		save(Rules.aRule(this.tenant, this.agentId).withName("d").withPriority(-5).build());

		Page<Rule> first = this.store.list(this.tenant, this.agentId, PageRequest.first(3));
		Page<Rule> second = this.store.list(this.tenant, this.agentId, new PageRequest(3, first.nextCursor()));

		assertThat(first.items()).extracting(Rule::name).containsExactly("c", "a", "b");
		assertThat(first.nextCursor()).isNotNull();
		assertThat(second.items()).extracting(Rule::name).containsExactly("d");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void deleteHidesRuleButKeepsHistory() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).build());
		save(Rules.aRule(this.tenant, this.agentId).withId(saved.id()).withName(saved.name()).withVersion(1).build());

		boolean deleted = this.store.delete(this.tenant, this.agentId, saved.id());

		assertThat(deleted).isTrue();
		assertThat(this.store.find(this.tenant, this.agentId, saved.id())).isEmpty();
		assertThat(this.store.list(this.tenant, this.agentId, PageRequest.first(10)).items()).isEmpty();
		List<Rule> history = this.store.history(this.tenant, this.agentId, saved.id());
		assertThat(history).extracting(Rule::version).containsExactly(1L, 2L, 3L);
		assertThat(history.get(2).deletedAt()).isNotNull();
		assertThat(history.get(0).deletedAt()).isNull();
	}

	@Test
	void deleteIsIdempotent() {
		Rule saved = save(Rules.aRule(this.tenant, this.agentId).build());
		this.store.delete(this.tenant, this.agentId, saved.id());

		boolean again = this.store.delete(this.tenant, this.agentId, saved.id());

		assertThat(again).isFalse();
		assertThat(this.store.delete(this.tenant, this.agentId, "rul_missing")).isFalse();
	}

	@Test
	void historyIsEmptyForUnknownRule() {
		assertThat(this.store.history(this.tenant, this.agentId, "rul_missing")).isEmpty();
	}

	@Test
	void searchRanksBySimilarity() {
		Rule refund = save(Rules.aRule(this.tenant, this.agentId).withCondition("customer asks for a refund").build());
		save(Rules.aRule(this.tenant, this.agentId).withCondition("weather forecast for tomorrow").build());
		Rule shipping = save(
				Rules.aRule(this.tenant, this.agentId).withCondition("shipping delay of an order refund").build());

		List<Scored<Rule>> results = this.store.search(this.tenant, this.agentId,
				this.model.embed("customer wants a refund"), 2);

		assertThat(results).hasSize(2);
		assertThat(results.get(0).item().id()).isEqualTo(refund.id());
		assertThat(results.get(1).item().id()).isEqualTo(shipping.id());
		assertThat(results.get(0).score()).isGreaterThan(results.get(1).score());
	}

	@Test
	void searchIgnoresDeletedRulesAndSeesUpdates() {
		Rule refund = save(Rules.aRule(this.tenant, this.agentId).withCondition("customer asks for a refund").build());
		this.store.search(this.tenant, this.agentId, this.model.embed("refund"), 5);
		this.store.delete(this.tenant, this.agentId, refund.id());
		Rule weather = save(Rules.aRule(this.tenant, this.agentId).withCondition("weather forecast").build());

		List<Scored<Rule>> results = this.store.search(this.tenant, this.agentId, this.model.embed("refund"), 5);

		assertThat(results).extracting((s) -> s.item().id()).containsExactly(weather.id());
	}

	@Test
	void embeddedReturnsLiveRulesWithEmbeddings() {
		Rule rule = save(Rules.aRule(this.tenant, this.agentId).withCondition("customer asks for a refund").build());
		Rule gone = save(Rules.aRule(this.tenant, this.agentId).build());
		this.store.delete(this.tenant, this.agentId, gone.id());

		List<RuleStore.EmbeddedRule> embedded = this.store.embedded(this.tenant, this.agentId);

		assertThat(embedded).hasSize(1);
		assertThat(embedded.get(0).rule()).isEqualTo(rule);
		assertThat(embedded.get(0).embedding()).isEqualTo(this.model.embed("customer asks for a refund"));
	}

	@Test
	void isolatesTenants() {
		Rule rule = save(Rules.aRule(this.tenant, this.agentId).withCondition("customer asks for a refund").build());
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.find(other, this.agentId, rule.id())).isEmpty();
		assertThat(this.store.list(other, this.agentId, PageRequest.first(10)).items()).isEmpty();
		assertThat(this.store.search(other, this.agentId, this.model.embed("refund"), 5)).isEmpty();
		assertThat(this.store.embedded(other, this.agentId)).isEmpty();
		assertThat(this.store.history(other, this.agentId, rule.id())).isEmpty();
		assertThat(this.store.delete(other, this.agentId, rule.id())).isFalse();
		assertThat(this.store.find(this.tenant, this.agentId, rule.id())).isPresent();
	}

	@Test
	void isolatesAgents() {
		Rule rule = save(Rules.aRule(this.tenant, this.agentId).build());

		assertThat(this.store.find(this.tenant, "agt_other", rule.id())).isEmpty();
		assertThat(this.store.list(this.tenant, "agt_other", PageRequest.first(10)).items()).isEmpty();
	}

}
