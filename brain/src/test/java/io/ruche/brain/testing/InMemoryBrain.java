package io.ruche.brain.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.ExpressionValidator;
import io.ruche.brain.expression.ExpressionCheck;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.brain.port.ConfigurationTransactions;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.ToolActivations;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.store.StoreConflictException;
import org.jspecify.annotations.Nullable;

/**
 * In-memory fakes of every port the pipeline uses, one tenant-blind map each.
 */
public final class InMemoryBrain {

	public final Agents agents = new Agents();

	public final Rules rules = new Rules();

	public final Scenarios scenarios = new Scenarios();

	public final Sessions sessions = new Sessions();

	public final Turns turns = new Turns();

	public final Interlocutors interlocutors = new Interlocutors();

	public final Audit audit = new Audit();

	public final Versions versions = new Versions();

	public final Drafts drafts = new Drafts();

	public final Locks locks = new Locks();

	public final WordEmbeddingModel embeddings = new WordEmbeddingModel();

	public BrainPorts.Builder ports() {
		return BrainPorts.builder(this.agents, this.rules, this.scenarios, this.sessions, this.turns,
				this.interlocutors, this.embeddings, this.locks, this.audit);
	}

	/**
	 * The configuration service over these stores, with the real CEL checks, no tools,
	 * and every announced change added to a list.
	 * @param documents the document format of versions
	 * @param changes receives the announcements
	 * @return the service
	 */
	public AgentConfiguration configuration(AgentDocumentFormat documents,
			List<ChangeBroadcast.ConfigurationChanged> changes) {
		Expressions expressions = Expressions.create();
		ExpressionValidator validator = (source,
				use) -> (expressions.check(source,
						(use == ExpressionValidator.Use.CONSTRAINT) ? ExpressionKind.CONSTRAINT
								: ExpressionKind.TRANSITION) instanceof ExpressionCheck.Invalid invalid)
										? Optional.of(invalid.message()) : Optional.empty();
		ChangeBroadcast broadcast = new ChangeBroadcast() {

			@Override
			public void publish(ChangeBroadcast.ConfigurationChanged change) {
				changes.add(change);
			}

			@Override
			public void subscribe(Consumer<ChangeBroadcast.ConfigurationChanged> listener) {
			}

		};
		return AgentConfiguration.create(this.agents, this.rules, this.scenarios, this.embeddings, validator,
				ToolActivations.NONE, broadcast, this.audit, Clock.systemUTC(),
				new ContentLimits(2_000, 4_000, 8_000, 16_000, 500, 3), this.versions, documents,
				ConfigurationTransactions.NONE);
	}

	public void addRule(Rule rule) {
		this.rules.save(rule, this.embeddings.embed(rule.content().condition()));
	}

	public void addScenario(Scenario scenario) {
		var embedded = Fixtures.embedded(scenario, this.embeddings);
		this.scenarios.save(scenario, embedded.embeddings());
	}

	public static final class Agents implements AgentStore {

		private final Map<String, Agent> byId = new ConcurrentHashMap<>();

		@Override
		public Agent save(Agent agent) {
			Agent stored = new Agent(agent.tenant(), agent.id(), agent.name(), agent.description(), agent.persona(),
					agent.settings(), agent.fields(), agent.version() + 1, agent.updatedAt());
			this.byId.put(agent.id(), stored);
			return stored;
		}

		@Override
		public Optional<Agent> find(TenantId tenant, String id) {
			return Optional.ofNullable(this.byId.get(id));
		}

		@Override
		public Optional<Agent> findByName(TenantId tenant, String name) {
			return this.byId.values().stream().filter((a) -> a.name().equals(name)).findFirst();
		}

		@Override
		public List<Agent> list(TenantId tenant) {
			return List.copyOf(this.byId.values());
		}

		@Override
		public boolean delete(TenantId tenant, String id) {
			return this.byId.remove(id) != null;
		}

	}

	public static final class Rules implements RuleStore {

		private final Map<String, EmbeddedRule> byId = new ConcurrentHashMap<>();

		@Override
		public Rule save(Rule rule, Embedding conditionEmbedding) {
			this.byId.put(rule.id(), new EmbeddedRule(rule, conditionEmbedding));
			return rule;
		}

		@Override
		public Optional<Rule> find(TenantId tenant, String agentId, String id) {
			return Optional.ofNullable(this.byId.get(id)).map(EmbeddedRule::rule);
		}

		@Override
		public Optional<Rule> findByName(TenantId tenant, String agentId, String name) {
			return this.byId.values().stream().map(EmbeddedRule::rule).filter((r) -> r.name().equals(name)).findFirst();
		}

		@Override
		public Page<Rule> list(TenantId tenant, String agentId, PageRequest request) {
			return Page.slice(this.byId.values().stream().map(EmbeddedRule::rule).toList(), request);
		}

		@Override
		public List<Scored<Rule>> search(TenantId tenant, String agentId, Embedding query, int limit) {
			return this.byId.values()
				.stream()
				.map((e) -> new Scored<>(e.rule(), e.embedding().cosine(query)))
				.sorted(Comparator.comparingDouble((Scored<Rule> s) -> s.score()).reversed())
				.limit(limit)
				.toList();
		}

		@Override
		public List<EmbeddedRule> embedded(TenantId tenant, String agentId) {
			return List.copyOf(this.byId.values());
		}

		@Override
		public boolean delete(TenantId tenant, String agentId, String id) {
			return this.byId.remove(id) != null;
		}

		@Override
		public List<Rule> history(TenantId tenant, String agentId, String id) {
			return find(tenant, agentId, id).stream().toList();
		}

	}

	public static final class Scenarios implements ScenarioStore {

		private final Map<String, EmbeddedScenario> byId = new ConcurrentHashMap<>();

		@Override
		public Scenario save(Scenario scenario, ScenarioEmbeddings embeddings) {
			this.byId.put(scenario.id(), new EmbeddedScenario(scenario, embeddings));
			return scenario;
		}

		@Override
		public Optional<Scenario> find(TenantId tenant, String agentId, String id) {
			return Optional.ofNullable(this.byId.get(id)).map(EmbeddedScenario::scenario);
		}

		@Override
		public List<Scenario> list(TenantId tenant, String agentId) {
			return this.byId.values().stream().map(EmbeddedScenario::scenario).toList();
		}

		@Override
		public List<EmbeddedScenario> embedded(TenantId tenant, String agentId) {
			return List.copyOf(this.byId.values());
		}

		@Override
		public boolean delete(TenantId tenant, String agentId, String id) {
			return this.byId.remove(id) != null;
		}

	}

	public static final class Sessions implements SessionStore {

		private final Map<String, Session> byId = new ConcurrentHashMap<>();

		@Override
		public Session save(Session s) {
			Session stored = new Session(s.tenant(), s.id(), s.agentId(), s.interlocutorId(), s.channel(), s.status(),
					s.turnCount(), s.state(), s.version() + 1, s.createdAt(), s.updatedAt());
			this.byId.put(s.id(), stored);
			return stored;
		}

		@Override
		public Optional<Session> find(TenantId tenant, String id) {
			return Optional.ofNullable(this.byId.get(id));
		}

		@Override
		public Page<Session> list(TenantId tenant, @Nullable String agentId, PageRequest request) {
			return Page.slice(List.copyOf(this.byId.values()), request);
		}

	}

	public static final class Turns implements TurnStore {

		private final Map<String, List<TurnRecord>> bySession = new ConcurrentHashMap<>();

		private final Map<String, Trace> traces = new ConcurrentHashMap<>();

		private final Map<String, InboxMessage> inbox = new ConcurrentHashMap<>();

		@Override
		public InboxMessage receive(InboxMessage message) {
			InboxMessage kept = this.inbox.putIfAbsent(message.sessionId() + "/" + message.messageId(), message);
			return (kept != null) ? kept : message;
		}

		@Override
		public List<InboxMessage> pending(TenantId tenant, String sessionId) {
			return this.inbox.values()
				.stream()
				.filter((m) -> m.sessionId().equals(sessionId) && m.turn() == null)
				.sorted(Comparator.comparing(InboxMessage::receivedAt).thenComparing(InboxMessage::messageId))
				.toList();
		}

		@Override
		public Optional<InboxMessage> message(TenantId tenant, String sessionId, String messageId) {
			return Optional.ofNullable(this.inbox.get(sessionId + "/" + messageId));
		}

		@Override
		public void answer(TenantId tenant, String sessionId, List<String> messageIds, int turn) {
			for (String id : messageIds) {
				this.inbox.computeIfPresent(sessionId + "/" + id, (k, m) -> new InboxMessage(m.tenant(), m.sessionId(),
						m.messageId(), m.text(), m.receivedAt(), turn));
			}
		}

		@Override
		public void record(TurnRecord turn, Trace trace) {
			this.bySession.computeIfAbsent(turn.sessionId(), (k) -> new ArrayList<>()).add(turn);
			this.traces.put(trace.id(), trace);
		}

		@Override
		public List<TurnRecord> turns(TenantId tenant, String sessionId) {
			return List.copyOf(this.bySession.getOrDefault(sessionId, List.of()));
		}

		@Override
		public Optional<TurnRecord> turnForMessage(TenantId tenant, String sessionId, String messageId) {
			return turns(tenant, sessionId).reversed()
				.stream()
				.filter((turn) -> messageId.equals(turn.messageId()))
				.findFirst();
		}

		@Override
		public Optional<Trace> trace(TenantId tenant, String traceId) {
			return Optional.ofNullable(this.traces.get(traceId));
		}

		@Override
		public boolean commitResponse(TenantId tenant, String sessionId, int turn, String response) {
			List<TurnRecord> list = this.bySession.getOrDefault(sessionId, new ArrayList<>());
			for (int i = 0; i < list.size(); i++) {
				TurnRecord r = list.get(i);
				if (r.turn() == turn && r.response() == null) {
					list.set(i,
							new TurnRecord(r.tenant(), r.sessionId(), r.turn(), r.message(), response, "client",
									r.matchedRules(), r.scenarioId(), r.stepId(), r.toolCalls(), r.traceId(), r.at(),
									r.messageId()));
					return true;
				}
			}
			return false;
		}

	}

	public static final class Interlocutors implements InterlocutorStore {

		private final Map<String, Interlocutor> byId = new ConcurrentHashMap<>();

		@Override
		public void save(Interlocutor interlocutor) {
			this.byId.put(interlocutor.id(), interlocutor);
		}

		@Override
		public Optional<Interlocutor> find(TenantId tenant, String id) {
			return Optional.ofNullable(this.byId.get(id));
		}

		@Override
		public boolean erase(TenantId tenant, String id) {
			return this.byId.remove(id) != null;
		}

	}

	public static final class Audit implements AuditLog {

		public final List<AuditRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void append(AuditRecord record) {
			this.records.add(record);
		}

		@Override
		public Page<AuditRecord> list(TenantId tenant, PageRequest request) {
			return Page.slice(List.copyOf(this.records), request);
		}

		@Override
		public Page<AuditRecord> list(TenantId tenant, Collection<String> actions, PageRequest request) {
			return Page.slice(this.records.stream().filter((r) -> actions.contains(r.action())).toList(), request);
		}

		@Override
		public List<AuditRecord> listForSession(TenantId tenant, String sessionId) {
			return this.records.stream().filter((r) -> sessionId.equals(r.sessionId())).toList();
		}

	}

	public static final class Versions implements AgentVersionStore {

		private final List<AgentVersion> versions = new java.util.concurrent.CopyOnWriteArrayList<>();

		private @Nullable String concurrentAuthor;

		/**
		 * Makes another publisher take the next number first: the next append finds it
		 * taken.
		 * @param author the other publisher
		 */
		public synchronized void publishConcurrently(String author) {
			this.concurrentAuthor = author;
		}

		@Override
		public synchronized void append(AgentVersion version) {
			if (this.concurrentAuthor != null) {
				this.versions.add(new AgentVersion(version.tenant(), version.agentId(), version.number(),
						this.concurrentAuthor, "concurrent", version.createdAt(), version.document()));
				this.concurrentAuthor = null;
			}
			if (find(version.tenant(), version.agentId(), version.number()).isPresent()) {
				throw new StoreConflictException("version " + version.number() + " exists");
			}
			this.versions.add(version);
		}

		@Override
		public Optional<AgentVersion> find(TenantId tenant, String agentId, long number) {
			return this.versions.stream()
				.filter((v) -> v.agentId().equals(agentId) && v.number() == number)
				.findFirst();
		}

		@Override
		public Optional<AgentVersion> latest(TenantId tenant, String agentId) {
			return this.versions.stream()
				.filter((v) -> v.agentId().equals(agentId))
				.max(Comparator.comparingLong(AgentVersion::number));
		}

		@Override
		public Page<AgentVersion> list(TenantId tenant, String agentId, PageRequest request) {
			return Page.slice(this.versions.stream()
				.filter((v) -> v.agentId().equals(agentId))
				.sorted(Comparator.comparingLong(AgentVersion::number).reversed())
				.toList(), request);
		}

	}

	public static final class Drafts implements ConfigurationDraftStore {

		private final Map<String, ConfigurationDraft> drafts = new ConcurrentHashMap<>();

		@Override
		public Optional<ConfigurationDraft> find(TenantId tenant, String agentId) {
			return Optional.ofNullable(this.drafts.get(agentId));
		}

		@Override
		public synchronized void save(ConfigurationDraft draft) {
			ConfigurationDraft current = this.drafts.get(draft.agentId());
			long stored = (current != null) ? current.revision() : 0;
			if (stored != draft.revision() - 1) {
				throw new StoreConflictException("draft at revision " + stored);
			}
			this.drafts.put(draft.agentId(), draft);
		}

		@Override
		public synchronized boolean delete(TenantId tenant, String agentId, long revision) {
			ConfigurationDraft current = this.drafts.get(agentId);
			return current != null && current.revision() == revision && this.drafts.remove(agentId) != null;
		}

	}

	public static final class Locks implements SessionLocks {

		private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

		@Override
		public <T> T withLock(TenantId tenant, String sessionId, Duration wait, Supplier<T> work) {
			ReentrantLock lock = this.locks.computeIfAbsent(tenant + "/" + sessionId, (k) -> new ReentrantLock(true));
			try {
				if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new SessionBusyException(sessionId);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SessionBusyException(sessionId);
			}
			try {
				return work.get();
			}
			finally {
				lock.unlock();
			}
		}

	}

}
