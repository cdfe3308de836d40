package io.ruche.brain.configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The draft of an agent's configuration (see docs/configuration.md, Safe change): edits
 * kept apart from the live version, tried with {@code version: "draft"}, replayed, then
 * published at once. The first edit starts the draft from the live configuration. Every
 * edit validates the whole draft as an import would
 * ({@link InvalidConfigurationException} listing every problem) and is audited
 * ({@code draft.rule.upsert}, ...). Unknown agents, objects and drafts throw
 * {@link UnknownObjectException}; stale revisions and publishes that lose a race throw
 * {@link io.ruche.kernel.store.StoreConflictException} and change nothing.
 */
public interface AgentDrafts {

	/** The agent setting that makes edits go to the draft unless they say otherwise. */
	String DRAFTS_SETTING = "drafts";

	/**
	 * The agent setting listing its golden sessions (comma-separated ids): a draft that
	 * lists them must replay them unchanged to be published.
	 */
	String GOLDEN_SETTING = "golden_sessions";

	/**
	 * The golden sessions listed in an agent's settings.
	 * @param settings the agent's settings
	 * @return the session ids, in the order listed, without duplicates
	 */
	static List<String> goldenSessions(AgentSettings settings) {
		String listed = settings.extra().get(GOLDEN_SETTING);
		if (listed == null) {
			return List.of();
		}
		return Arrays.stream(listed.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
	}

	/**
	 * Reads an agent's draft.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @return the draft, or empty when the agent has none
	 */
	Optional<ConfigurationDraft> draft(TenantId tenant, String agentRef);

	/**
	 * Whether edits of the agent go to its draft when they do not say (agent setting
	 * {@value #DRAFTS_SETTING}: {@code true}).
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @return true when drafts are the agent's default
	 */
	boolean byDefault(TenantId tenant, String agentRef);

	DraftEdit<Agent> upsertAgent(TenantId tenant, Actor actor, AgentDraft draft);

	DraftEdit<Rule> upsertRule(TenantId tenant, Actor actor, String agentRef, RuleDraft draft);

	DraftEdit<Boolean> deleteRule(TenantId tenant, Actor actor, String agentRef, String ruleRef);

	DraftEdit<Scenario> upsertScenario(TenantId tenant, Actor actor, String agentRef, ScenarioDraft draft);

	DraftEdit<Boolean> deleteScenario(TenantId tenant, Actor actor, String agentRef, String scenarioRef);

	DraftEdit<Boolean> enableTool(TenantId tenant, Actor actor, String agentRef, String tool, boolean enabled);

	/**
	 * Publishes the draft: the agent becomes what it describes, as one new version, on
	 * every instance; the draft is gone. When the draft lists golden sessions, they are
	 * replayed first and a change in any of their turns refuses the publish.
	 * @param tenant the tenant
	 * @param actor who publishes, for the audit
	 * @param agentRef the agent id or name
	 * @param expectedRevision the draft revision the caller reviewed, or null
	 * @return the new version, or the refusal with its replay report
	 * @throws io.ruche.kernel.store.StoreConflictException when the draft is not at that
	 * revision, another version was published since the draft began, or a concurrent
	 * publish won
	 */
	PublishOutcome publish(TenantId tenant, Actor actor, String agentRef, @Nullable Long expectedRevision);

	/**
	 * Drops the draft.
	 * @param tenant the tenant
	 * @param actor who drops it, for the audit
	 * @param agentRef the agent id or name
	 * @return true when there was a draft
	 */
	boolean discard(TenantId tenant, Actor actor, String agentRef);

	/**
	 * Compares the live configuration with the draft.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @return what the draft changes; {@code from} is the draft's base version and
	 * {@code to} its revision
	 */
	AgentDiff diff(TenantId tenant, String agentRef);

}
