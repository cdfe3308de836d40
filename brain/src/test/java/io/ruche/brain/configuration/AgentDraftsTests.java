package io.ruche.brain.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.brain.testing.SnapshotDocuments;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.store.StoreConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drafts of an agent's configuration: edits kept apart from the live agent, validated as
 * a whole, published at once, and refused when stale or when golden sessions change.
 */
class AgentDraftsTests {

	private static final TenantId TENANT = TenantId.of("acme");

	private static final Actor BUILDER = Actor.key("key_builder", Role.BUILDER);

	private final InMemoryBrain brain = new InMemoryBrain();

	private final List<ChangeBroadcast.ConfigurationChanged> changes = new ArrayList<>();

	private final List<List<String>> replayed = new ArrayList<>();

	private int regressions;

	private AgentConfiguration configuration;

	private AgentDrafts drafts;

	@BeforeEach
	void setUp() {
		this.configuration = this.brain.configuration(new SnapshotDocuments(), this.changes);
		this.drafts = this.configuration.drafts(this.brain.drafts, (live, sessions) -> {
			this.replayed.add(sessions);
			return new ReplayReport(live.id(), "live", "draft", List.of(), sessions.size(), this.regressions);
		});
		this.configuration.upsertAgent(TENANT, BUILDER,
				new AgentDraft("shop", "A shop", "You help customers.", null, null, null));
	}

	@Test
	void draftEditsLeaveTheLiveAgentAlone() {
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop", rule(null, "refunds", "Within 30 days"));
		long versions = versionCount();
		this.changes.clear();

		DraftEdit<Rule> edited = this.drafts.upsertRule(TENANT, BUILDER, "shop",
				rule(refunds.id(), "refunds", "Within 60 days"));
		DraftEdit<Rule> added = this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "In 3 days"));

		assertThat(edited.object().id()).isEqualTo(refunds.id());
		assertThat(edited.draft().revision()).isEqualTo(1);
		assertThat(edited.draft().baseVersion()).isEqualTo(versions);
		assertThat(added.object().id()).startsWith("rul_d");
		assertThat(added.draft().revision()).isEqualTo(2);
		assertThat(liveRules()).containsExactly("refunds: Within 30 days");
		assertThat(versionCount()).isEqualTo(versions);
		assertThat(this.changes).isEmpty();
		assertThat(this.brain.audit.records).extracting(AuditRecord::action)
			.endsWith("draft.rule.upsert", "draft.rule.upsert");
		assertThat(this.drafts.diff(TENANT, "shop").rules()).extracting(AgentDiff.ObjectChange::name)
			.containsExactlyInAnyOrder("refunds", "delivery");
	}

	@Test
	void aPublishMakesTheDraftLiveAsOneVersionAndDropsIt() {
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop", rule(null, "refunds", "Within 30 days"));
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(refunds.id(), "refunds", "Within 60 days"));
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "In 3 days"));
		long versions = versionCount();

		PublishOutcome outcome = this.drafts.publish(TENANT, BUILDER, "shop", 2L);

		assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, (published) -> {
			assertThat(published.version().number()).isEqualTo(versions + 1);
			assertThat(published.version().summary()).isEqualTo("agent.publish shop");
		});
		assertThat(liveRules()).containsExactlyInAnyOrder("refunds: Within 60 days", "delivery: In 3 days");
		assertThat(this.configuration.rule(TENANT, "shop", refunds.id()).content().action())
			.isEqualTo("Within 60 days");
		assertThat(this.drafts.draft(TENANT, "shop")).isEmpty();
		assertThat(this.changes).isNotEmpty();
		assertThat(this.replayed).isEmpty();
	}

	@Test
	void aStaleRevisionOrALiveChangeSinceTheDraftBeganIsAConflict() {
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "In 3 days"));
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "pickup", "At the counter"));

		assertThatThrownBy(() -> this.drafts.publish(TENANT, BUILDER, "shop", 1L))
			.isInstanceOf(StoreConflictException.class)
			.hasMessageContaining("is at revision 2, not 1");

		this.configuration.upsertRule(TENANT, BUILDER, "shop", rule(null, "refunds", "Within 30 days"));
		assertThatThrownBy(() -> this.drafts.publish(TENANT, BUILDER, "shop", null))
			.isInstanceOf(StoreConflictException.class)
			.hasMessageContaining("was published after the draft began");
		assertThat(liveRules()).containsExactly("refunds: Within 30 days");
		assertThat(this.drafts.draft(TENANT, "shop")).map(ConfigurationDraft::revision).contains(2L);
		assertThat(this.drafts.discard(TENANT, BUILDER, "shop")).isTrue();
		assertThatThrownBy(() -> this.drafts.publish(TENANT, BUILDER, "shop", null))
			.isInstanceOf(UnknownObjectException.class)
			.hasMessageContaining("draft of agent 'shop'");
	}

	@Test
	void anInvalidEditIsRefusedWithEveryProblemAndLeavesTheDraft() {
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "In 3 days"));
		RuleDraft broken = new RuleDraft(
				null, "returns", new RuleContent("The customer returns", "Explain", RuleScope.SCENARIO,
						"no-such-scenario", null, List.of("size(response <"), List.of(), FiringLimits.NONE),
				0, true, null);

		assertThatThrownBy(() -> this.drafts.upsertRule(TENANT, BUILDER, "shop", broken))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("no-such-scenario")
			.hasMessageContaining("size(response <");
		assertThatThrownBy(() -> this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "Other")))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("already exists in the draft");
		assertThat(this.drafts.draft(TENANT, "shop")).map(ConfigurationDraft::revision).contains(1L);
	}

	@Test
	void goldenSessionsListedByTheDraftGateItsPublish() {
		this.drafts.upsertAgent(TENANT, BUILDER, new AgentDraft("shop", null, null,
				new AgentSettings(null, 1, Map.of("golden_sessions", "ses_a, ses_b")), null, null));
		this.drafts.upsertRule(TENANT, BUILDER, "shop", rule(null, "delivery", "In 3 days"));
		this.regressions = 1;

		assertThat(this.drafts.publish(TENANT, BUILDER, "shop", null)).isInstanceOfSatisfying(
				PublishOutcome.Refused.class, (refused) -> assertThat(refused.report().changed()).isEqualTo(1));
		assertThat(this.replayed).containsExactly(List.of("ses_a", "ses_b"));
		assertThat(liveRules()).isEmpty();

		this.regressions = 0;
		assertThat(this.drafts.publish(TENANT, BUILDER, "shop", null)).isInstanceOf(PublishOutcome.Published.class);
		assertThat(liveRules()).containsExactly("delivery: In 3 days");
		assertThat(this.configuration.agent(TENANT, "shop").settings().extra()).containsEntry("golden_sessions",
				"ses_a, ses_b");
	}

	@Test
	void theAgentSettingMakesDraftsTheDefault() {
		assertThat(this.drafts.byDefault(TENANT, "shop")).isFalse();
		this.configuration.upsertAgent(TENANT, BUILDER,
				new AgentDraft("shop", null, null, new AgentSettings(null, 1, Map.of("drafts", "true")), null, null));
		assertThat(this.drafts.byDefault(TENANT, "shop")).isTrue();
	}

	private List<String> liveRules() {
		return this.brain.rules.embedded(TENANT, this.configuration.agent(TENANT, "shop").id())
			.stream()
			.map(RuleStore.EmbeddedRule::rule)
			.map((r) -> r.name() + ": " + r.content().action())
			.toList();
	}

	private long versionCount() {
		return this.configuration.versions().list(TENANT, "shop", PageRequest.first(100)).items().size();
	}

	private static RuleDraft rule(String id, String name, String action) {
		return new RuleDraft(id, name, new RuleContent("The customer asks about " + name, action, RuleScope.GLOBAL,
				null, null, List.of(), List.of(), FiringLimits.NONE), 0, true, null);
	}

}
