package io.ruche.brain;

import java.time.Clock;
import java.util.Objects;

import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.BudgetSource;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.port.UsageCounters;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.port.StoreTransactions;
import org.jspecify.annotations.Nullable;

/**
 * The outbound ports the turn pipeline uses. Build with {@link #builder}.
 *
 * @param agents the agent store
 * @param rules the rule store
 * @param scenarios the scenario store
 * @param sessions the session store
 * @param turns the turn and trace store
 * @param interlocutors the interlocutor store
 * @param embeddings the embedding model
 * @param locks the session locks
 * @param audit the audit log
 * @param transactions what makes a turn's writes one (session, turn, trace)
 * @param changes configuration changes, or null when the snapshot cache relies only on
 * agent versions
 * @param languageModel the configured model, or null
 * @param tools the tool directory
 * @param metrics the metrics sink
 * @param clock the clock
 * @param keyring what seals personal values at rest (docs/privacy.md)
 * @param budgets the budgets of turns and model tokens and their counters, or null for
 * none
 */
public record BrainPorts(AgentStore agents, RuleStore rules, ScenarioStore scenarios, SessionStore sessions,
		TurnStore turns, InterlocutorStore interlocutors, EmbeddingModel embeddings, SessionLocks locks, AuditLog audit,
		StoreTransactions transactions, @Nullable ChangeBroadcast changes, @Nullable LanguageModel languageModel,
		ToolDirectory tools, TurnMetrics metrics, Clock clock, Keyring keyring, @Nullable Budgets budgets) {

	/**
	 * The budgets of turns and model tokens (docs/brain.md, Budgets).
	 *
	 * @param source the limits of tenants and agents
	 * @param counters the counters shared by every instance
	 */
	public record Budgets(BudgetSource source, UsageCounters counters) {
	}

	public static Builder builder(AgentStore agents, RuleStore rules, ScenarioStore scenarios, SessionStore sessions,
			TurnStore turns, InterlocutorStore interlocutors, EmbeddingModel embeddings, SessionLocks locks,
			AuditLog audit) {
		return new Builder(agents, rules, scenarios, sessions, turns, interlocutors, embeddings, locks, audit);
	}

	/**
	 * Builds {@link BrainPorts}: the stores, embeddings, locks and audit are required;
	 * the rest is optional.
	 */
	public static final class Builder {

		private final BrainPorts base;

		private StoreTransactions transactions = StoreTransactions.none();

		private @Nullable ChangeBroadcast changes;

		private @Nullable LanguageModel languageModel;

		private ToolDirectory tools = ToolDirectory.none();

		private TurnMetrics metrics = TurnMetrics.NOOP;

		private Clock clock = Clock.systemUTC();

		private Keyring keyring = Keyring.ephemeral();

		private @Nullable Budgets budgets;

		private Builder(AgentStore agents, RuleStore rules, ScenarioStore scenarios, SessionStore sessions,
				TurnStore turns, InterlocutorStore interlocutors, EmbeddingModel embeddings, SessionLocks locks,
				AuditLog audit) {
			this.base = new BrainPorts(agents, rules, scenarios, sessions, turns, interlocutors, embeddings, locks,
					audit, StoreTransactions.none(), null, null, ToolDirectory.none(), TurnMetrics.NOOP,
					Clock.systemUTC(), Keyring.ephemeral(), null);
		}

		/**
		 * Sets the transactions of the stores, so that a turn's writes are one.
		 * @param stores the transactions of the stores given to the builder
		 * @return this builder
		 */
		public Builder transactions(StoreTransactions stores) {
			this.transactions = Objects.requireNonNull(stores);
			return this;
		}

		public Builder changes(ChangeBroadcast broadcast) {
			this.changes = Objects.requireNonNull(broadcast);
			return this;
		}

		public Builder languageModel(@Nullable LanguageModel model) {
			this.languageModel = model;
			return this;
		}

		public Builder tools(ToolDirectory directory) {
			this.tools = Objects.requireNonNull(directory);
			return this;
		}

		public Builder metrics(TurnMetrics sink) {
			this.metrics = Objects.requireNonNull(sink);
			return this;
		}

		public Builder clock(Clock value) {
			this.clock = Objects.requireNonNull(value);
			return this;
		}

		/**
		 * Sets the keyring that seals personal values; without one, a random key that
		 * lives as long as the process.
		 * @param value the keyring
		 * @return this builder
		 */
		public Builder keyring(Keyring value) {
			this.keyring = Objects.requireNonNull(value);
			return this;
		}

		/**
		 * Enforces budgets of turns and model tokens.
		 * @param source the limits of tenants and agents
		 * @param counters the counters shared by every instance
		 * @return this builder
		 */
		public Builder budgets(BudgetSource source, UsageCounters counters) {
			this.budgets = new Budgets(source, counters);
			return this;
		}

		public BrainPorts build() {
			BrainPorts b = this.base;
			return new BrainPorts(b.agents, b.rules, b.scenarios, b.sessions, b.turns, b.interlocutors, b.embeddings,
					b.locks, b.audit, this.transactions, this.changes, this.languageModel, this.tools, this.metrics,
					this.clock, this.keyring, this.budgets);
		}

	}

}
