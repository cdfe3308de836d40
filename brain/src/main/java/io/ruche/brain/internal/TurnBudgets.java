package io.ruche.brain.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Budget;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.UsageCounters;
import io.ruche.brain.port.UsageCounters.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The budgets of a turn (docs/brain.md, Budgets). Before it runs, a turn is refused when
 * the model tokens of the day of its agent or tenant are spent, and it takes one of the
 * turns of the minute of its agent and of its tenant; after it ran, the tokens its
 * configured model used are counted. Counters are kept only for limits that are set.
 */
final class TurnBudgets {

	static final String TENANT = "tenant";

	static final String AGENT = "agent";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final BrainPorts.@Nullable Budgets budgets;

	private final TurnMetrics metrics;

	private final Clock clock;

	TurnBudgets(BrainPorts.@Nullable Budgets budgets, TurnMetrics metrics, Clock clock) {
		this.budgets = budgets;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Whether a turn may run, and with which budgets. */
	sealed interface Admission {

		/** The turn may run; its tokens are counted against these budgets. */
		record Admitted(Agent agent, Budget tenant, Budget own, String day) implements Admission {
		}

		/** A budget is spent. */
		record Refused(String scope, String budget, long limit, Duration retryAfter) implements Admission {

			<T> TurnOutcome<T> outcome() {
				return new TurnOutcome.BudgetExceeded<>(this.scope, this.budget, this.limit, this.retryAfter);
			}

		}

	}

	/**
	 * Takes a turn from the budgets of the agent and its tenant.
	 * @param agent the agent
	 * @param callsModel whether the turn may call the configured model (then the tokens
	 * of the day must not be spent)
	 * @return the admission, or the refusal naming the spent budget
	 */
	Admission admit(Agent agent, boolean callsModel) {
		BrainPorts.Budgets configured = this.budgets;
		Instant now = this.clock.instant();
		String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
		if (configured == null) {
			return new Admission.Admitted(agent, Budget.NONE, Budget.NONE, day);
		}
		Budget tenant = configured.source().tenant(agent.tenant());
		Budget own = configured.source().agent().within(ownBudget(agent));
		UsageCounters counters = configured.counters();
		Admission.Refused refused = callsModel ? tokensSpent(counters, agent, tenant, own, day, now) : null;
		if (refused == null) {
			refused = takeTurn(counters, agent, tenant, own);
		}
		if (refused != null) {
			this.metrics.budgetRefused(agent.tenant().value(), agent.name(), refused.scope(), refused.budget());
			return refused;
		}
		return new Admission.Admitted(agent, tenant, own, day);
	}

	/**
	 * Counts the tokens a turn's configured model used against the budgets it was
	 * admitted with.
	 * @param admitted the turn's admission
	 * @param tokens prompt and completion tokens of the configured model
	 */
	void charge(Admission.Admitted admitted, long tokens) {
		BrainPorts.Budgets configured = this.budgets;
		if (configured == null || tokens <= 0) {
			return;
		}
		Duration untilMidnight = untilMidnight(this.clock.instant());
		if (admitted.own().modelTokensPerDay() > 0) {
			configured.counters().add(tokensKey(admitted.agent(), AGENT, admitted.day()), tokens, untilMidnight);
		}
		if (admitted.tenant().modelTokensPerDay() > 0) {
			configured.counters().add(tokensKey(admitted.agent(), TENANT, admitted.day()), tokens, untilMidnight);
		}
	}

	private static Admission.@Nullable Refused tokensSpent(UsageCounters counters, Agent agent, Budget tenant,
			Budget own, String day, Instant now) {
		Admission.Refused refused = spent(counters, agent, AGENT, own.modelTokensPerDay(), day, now);
		return (refused != null) ? refused : spent(counters, agent, TENANT, tenant.modelTokensPerDay(), day, now);
	}

	private static Admission.@Nullable Refused spent(UsageCounters counters, Agent agent, String scope, long limit,
			String day, Instant now) {
		if (limit <= 0) {
			return null;
		}
		Usage usage = counters.read(tokensKey(agent, scope, day));
		if (usage.used() < limit) {
			return null;
		}
		Duration retryAfter = usage.resetsIn().isZero() ? untilMidnight(now) : usage.resetsIn();
		return new Admission.Refused(scope, Budget.MODEL_TOKENS_PER_DAY, limit, retryAfter);
	}

	private static Admission.@Nullable Refused takeTurn(UsageCounters counters, Agent agent, Budget tenant,
			Budget own) {
		String agentKey = turnsKey(agent, AGENT);
		if (own.turnsPerMinute() > 0) {
			Usage usage = counters.tryAdd(agentKey, 1, own.turnsPerMinute(), MINUTE);
			if (!usage.added()) {
				return new Admission.Refused(AGENT, Budget.TURNS_PER_MINUTE, own.turnsPerMinute(), usage.resetsIn());
			}
		}
		if (tenant.turnsPerMinute() > 0) {
			Usage usage = counters.tryAdd(turnsKey(agent, TENANT), 1, tenant.turnsPerMinute(), MINUTE);
			if (!usage.added()) {
				if (own.turnsPerMinute() > 0) {
					// The turn does not run: it gives back the agent's turn it took.
					counters.add(agentKey, -1, MINUTE);
				}
				return new Admission.Refused(TENANT, Budget.TURNS_PER_MINUTE, tenant.turnsPerMinute(),
						usage.resetsIn());
			}
		}
		return null;
	}

	// Agent settings are checked when they are written; one stored before budgets
	// existed and holding another meaning of the key sets no budget.
	private static Budget ownBudget(Agent agent) {
		try {
			return Budget.from(agent.settings().extra());
		}
		catch (IllegalArgumentException ex) {
			return Budget.NONE;
		}
	}

	private static String turnsKey(Agent agent, String scope) {
		return prefix(agent, scope) + ":turns";
	}

	private static String tokensKey(Agent agent, String scope, String day) {
		return prefix(agent, scope) + ":tokens:" + day;
	}

	private static String prefix(Agent agent, String scope) {
		String tenant = agent.tenant().value() + ":budget";
		return AGENT.equals(scope) ? tenant + ":agent:" + agent.id() : tenant;
	}

	private static Duration untilMidnight(Instant now) {
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return Duration.between(now, midnight);
	}

}
