package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.DraftEdit;
import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.PublishGate;
import io.ruche.brain.configuration.PublishOutcome;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each agent's draft as a document, validated as a whole at every edit, and
 * publishes it through the same import as a rollback.
 */
final class DefaultAgentDrafts implements AgentDrafts {

	private final DefaultAgentConfiguration configuration;

	private final ConfigurationDraftStore store;

	private final PublishGate gate;

	private final DraftMaterializer materializer;

	DefaultAgentDrafts(DefaultAgentConfiguration configuration, ConfigurationDraftStore store, PublishGate gate,
			DraftMaterializer materializer) {
		this.configuration = configuration;
		this.store = store;
		this.gate = gate;
		this.materializer = materializer;
	}

	@Override
	public Optional<ConfigurationDraft> draft(TenantId tenant, String agentRef) {
		return this.store.find(tenant, this.configuration.agent(tenant, agentRef).id());
	}

	@Override
	public boolean byDefault(TenantId tenant, String agentRef) {
		return "true"
			.equalsIgnoreCase(this.configuration.agent(tenant, agentRef).settings().extra().get(DRAFTS_SETTING));
	}

	/** An edit of the draft's document, and how to find the edited object afterwards. */
	private record Change<T>(AgentSnapshot document, String subject,
			Function<DraftMaterializer.Materialized, T> result) {
	}

	private <T> DraftEdit<T> edit(TenantId tenant, Actor actor, String agentRef, String action,
			Function<DraftMaterializer.Materialized, Change<T>> editor) {
		return this.configuration.transactions().atomically(tenant, () -> {
			Agent live = this.configuration.agent(tenant, agentRef);
			Optional<ConfigurationDraft> current = this.store.find(tenant, live.id());
			AgentSnapshot document = current.map((d) -> this.configuration.format().read(d.document()))
				.orElseGet(() -> this.configuration.export(tenant, live.id()));
			Change<T> change = editor.apply(this.materializer.materialize(live, document));
			DraftMaterializer.Materialized after = this.materializer.materialize(live, change.document());
			long base = current.map(ConfigurationDraft::baseVersion).orElseGet(() -> latest(tenant, live.id()));
			long revision = current.map((d) -> d.revision() + 1).orElse(1L);
			ConfigurationDraft saved = new ConfigurationDraft(tenant, live.id(), base, revision, actor.id(),
					this.configuration.clock().instant(), this.configuration.format().write(after.document()));
			this.store.save(saved);
			audit(tenant, actor, "draft." + action, live.id(), change.subject(), revision);
			return new DraftEdit<>(change.result().apply(after), saved);
		});
	}

	private void audit(TenantId tenant, Actor actor, String action, String agentId, String name, long revision) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("agent", agentId);
		facts.put("name", name);
		facts.put("draft_revision", String.valueOf(revision));
		this.configuration.audit()
			.append(AuditRecord.change(tenant, actor, action, agentId, facts, this.configuration.clock().instant()));
	}

	private long latest(TenantId tenant, String agentId) {
		return this.configuration.versionStore().latest(tenant, agentId).map(AgentVersion::number).orElse(0L);
	}

	@Override
	public DraftEdit<Agent> upsertAgent(TenantId tenant, Actor actor, AgentDraft draft) {
		return edit(tenant, actor, draft.name(), "agent.upsert", (before) -> {
			AgentDraft current = before.document().agent();
			AgentDraft merged = new AgentDraft(current.name(),
					(draft.description() != null) ? draft.description() : current.description(),
					(draft.persona() != null) ? draft.persona() : current.persona(),
					(draft.settings() != null) ? draft.settings() : current.settings(),
					(draft.fields() != null) ? draft.fields() : current.fields(), null);
			AgentSnapshot doc = before.document();
			return new Change<>(new AgentSnapshot(merged, doc.rules(), doc.scenarios(), doc.tools()), merged.name(),
					DraftMaterializer.Materialized::agent);
		});
	}

	@Override
	public DraftEdit<Rule> upsertRule(TenantId tenant, Actor actor, String agentRef, RuleDraft draft) {
		return edit(tenant, actor, agentRef, "rule.upsert", (before) -> {
			List<RuleDraft> rules = new ArrayList<>(before.document().rules());
			String replaced = replacedName("rule", draft.id(), draft.name(),
					before.rules().stream().map((r) -> Map.entry(r.id(), r.name())).toList());
			RuleDraft stored = new RuleDraft(null, draft.name(), draft.content(), draft.priority(), draft.enabled(),
					null);
			int at = indexOf(rules.stream().map(RuleDraft::name).toList(), replaced);
			if (at >= 0) {
				rules.set(at, stored);
			}
			else {
				rules.add(stored);
			}
			AgentSnapshot doc = before.document();
			return new Change<>(new AgentSnapshot(doc.agent(), rules, doc.scenarios(), doc.tools()), draft.name(),
					(after) -> after.rules()
						.stream()
						.filter((r) -> r.name().equals(draft.name()))
						.findFirst()
						.orElseThrow());
		});
	}

	@Override
	public DraftEdit<Boolean> deleteRule(TenantId tenant, Actor actor, String agentRef, String ruleRef) {
		return edit(tenant, actor, agentRef, "rule.delete", (before) -> {
			String name = before.rules()
				.stream()
				.filter((r) -> r.id().equals(ruleRef) || r.name().equals(ruleRef))
				.map(Rule::name)
				.findFirst()
				.orElseThrow(() -> new UnknownObjectException("rule", ruleRef));
			AgentSnapshot doc = before.document();
			List<RuleDraft> rules = doc.rules().stream().filter((r) -> !r.name().equals(name)).toList();
			return new Change<>(new AgentSnapshot(doc.agent(), rules, doc.scenarios(), doc.tools()), name,
					(after) -> true);
		});
	}

	@Override
	public DraftEdit<Scenario> upsertScenario(TenantId tenant, Actor actor, String agentRef, ScenarioDraft draft) {
		return edit(tenant, actor, agentRef, "scenario.upsert", (before) -> {
			List<ScenarioDraft> scenarios = new ArrayList<>(before.document().scenarios());
			String replaced = replacedName("scenario", draft.id(), draft.name(),
					before.scenarios().stream().map((s) -> Map.entry(s.id(), s.name())).toList());
			ScenarioDraft stored = new ScenarioDraft(null, draft.name(), draft.description(), draft.entryCondition(),
					draft.entryStep(), draft.steps(), draft.exitConditions(), draft.enabled(), null);
			int at = indexOf(scenarios.stream().map(ScenarioDraft::name).toList(), replaced);
			if (at >= 0) {
				scenarios.set(at, stored);
			}
			else {
				scenarios.add(stored);
			}
			AgentSnapshot doc = before.document();
			return new Change<>(new AgentSnapshot(doc.agent(), doc.rules(), scenarios, doc.tools()), draft.name(),
					(after) -> after.scenarios()
						.stream()
						.filter((s) -> s.name().equals(draft.name()))
						.findFirst()
						.orElseThrow());
		});
	}

	@Override
	public DraftEdit<Boolean> deleteScenario(TenantId tenant, Actor actor, String agentRef, String scenarioRef) {
		return edit(tenant, actor, agentRef, "scenario.delete", (before) -> {
			String name = ScopeReferences.findScenario(scenarioRef, before.scenarios())
				.map(Scenario::name)
				.orElseThrow(() -> new UnknownObjectException("scenario", scenarioRef));
			AgentSnapshot doc = before.document();
			List<ScenarioDraft> scenarios = doc.scenarios().stream().filter((s) -> !s.name().equals(name)).toList();
			return new Change<>(new AgentSnapshot(doc.agent(), doc.rules(), scenarios, doc.tools()), name,
					(after) -> true);
		});
	}

	@Override
	public DraftEdit<Boolean> enableTool(TenantId tenant, Actor actor, String agentRef, String tool, boolean enabled) {
		return edit(tenant, actor, agentRef, enabled ? "tool.enable" : "tool.disable", (before) -> {
			AgentSnapshot doc = before.document();
			List<String> tools = new ArrayList<>(doc.tools());
			boolean changed = enabled ? (!tools.contains(tool) && tools.add(tool)) : tools.remove(tool);
			return new Change<>(new AgentSnapshot(doc.agent(), doc.rules(), doc.scenarios(), tools), tool,
					(after) -> changed);
		});
	}

	// The name of the object an upsert replaces: the one with the given id, else none (a
	// new object, whose name must be free).
	private static @Nullable String replacedName(String kind, @Nullable String id, String name,
			List<Map.Entry<String, String>> idsAndNames) {
		if (id == null) {
			idsAndNames.stream().filter((e) -> e.getValue().equals(name)).findFirst().ifPresent((e) -> {
				throw new InvalidConfigurationException("a " + kind + " named '" + name
						+ "' already exists in the draft (id " + e.getKey() + "): pass its id to update it");
			});
			return null;
		}
		String replaced = idsAndNames.stream()
			.filter((e) -> e.getKey().equals(id))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new UnknownObjectException(kind, id));
		idsAndNames.stream()
			.filter((e) -> e.getValue().equals(name) && !e.getKey().equals(id))
			.findFirst()
			.ifPresent((e) -> {
				throw new InvalidConfigurationException("another " + kind + " of the draft is already named '" + name
						+ "' (id " + e.getKey() + "): choose another name");
			});
		return replaced;
	}

	private static int indexOf(List<String> names, @Nullable String name) {
		return (name != null) ? names.indexOf(name) : -1;
	}

	@Override
	public PublishOutcome publish(TenantId tenant, Actor actor, String agentRef, @Nullable Long expectedRevision) {
		Agent live = this.configuration.agent(tenant, agentRef);
		ConfigurationDraft draft = this.store.find(tenant, live.id())
			.orElseThrow(() -> new UnknownObjectException("draft of agent", live.name()));
		if (expectedRevision != null && expectedRevision != draft.revision()) {
			throw new StoreConflictException("the draft of agent '" + live.name() + "' is at revision "
					+ draft.revision() + ", not " + expectedRevision + ": review it again before publishing");
		}
		AgentSettings settings = this.configuration.format().read(draft.document()).agent().settings();
		List<String> golden = (settings != null) ? AgentDrafts.goldenSessions(settings) : List.of();
		if (golden.size() > ReplayRequest.MAX_SESSIONS) {
			throw new InvalidConfigurationException("the draft lists " + golden.size() + " golden sessions; at most "
					+ ReplayRequest.MAX_SESSIONS + " can be replayed before a publish");
		}
		if (!golden.isEmpty()) {
			ReplayReport report = this.gate.replay(live, golden);
			if (report.regressed()) {
				return new PublishOutcome.Refused(report);
			}
		}
		return new PublishOutcome.Published(this.configuration.publishing(tenant, (announced) -> {
			long latest = latest(tenant, live.id());
			if (latest != draft.baseVersion()) {
				throw new StoreConflictException("version " + latest + " of agent '" + live.name()
						+ "' was published after the draft began from version " + draft.baseVersion()
						+ ": discard the draft and make the edits again on the new version");
			}
			this.configuration.importer()
				.importSnapshot(announced, tenant, actor, this.configuration.format().read(draft.document()),
						Optional.of(live), "agent.publish", Map.of("draft_revision", String.valueOf(draft.revision())));
			if (!this.store.delete(tenant, live.id(), draft.revision())) {
				throw new StoreConflictException("the draft of agent '" + live.name()
						+ "' changed or was published while this publish ran: read it again");
			}
			return this.configuration.versionStore().latest(tenant, live.id()).orElseThrow();
		}));
	}

	@Override
	public boolean discard(TenantId tenant, Actor actor, String agentRef) {
		return this.configuration.transactions().atomically(tenant, () -> {
			Agent live = this.configuration.agent(tenant, agentRef);
			Optional<ConfigurationDraft> draft = this.store.find(tenant, live.id());
			boolean deleted = draft.isPresent() && this.store.delete(tenant, live.id(), draft.get().revision());
			if (deleted) {
				audit(tenant, actor, "draft.discard", live.id(), live.name(), draft.get().revision());
			}
			return deleted;
		});
	}

	@Override
	public AgentDiff diff(TenantId tenant, String agentRef) {
		Agent live = this.configuration.agent(tenant, agentRef);
		ConfigurationDraft draft = this.store.find(tenant, live.id())
			.orElseThrow(() -> new UnknownObjectException("draft of agent", live.name()));
		var format = this.configuration.format();
		return DocumentDiff.between(latest(tenant, live.id()), draft.revision(),
				format.tree(this.configuration.export(tenant, live.id())), format.tree(format.read(draft.document())));
	}

}
