package io.ruche.brain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.Budget;
import io.ruche.brain.model.Trace;
import io.ruche.brain.port.BudgetSource;
import io.ruche.brain.port.UsageCounters;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.brain.testing.ScriptedModel;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Budgets of turns and model tokens: a spent budget refuses the turn before anything
 * runs, names itself and says when to retry; the tokens of the configured model are
 * counted after each turn and shown in its trace.
 */
class BudgetTests {

	private static final Actor CLIENT = Actor.key("key_1", Role.CLIENT);

	private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

	private final InMemoryBrain brain = new InMemoryBrain();

	private final Counters counters = new Counters();

	private final ScriptedModel model = new ScriptedModel("Happy to help.");

	private Budget tenantBudget = Budget.NONE;

	private TurnPipeline pipeline(Map<String, String> agentSettings) {
		this.brain.agents.save(new Agent(TENANT, AGENT, "shop", "shop", "You help.",
				new AgentSettings(null, 1, agentSettings), List.of(), 0, Instant.EPOCH));
		BudgetSource source = new BudgetSource() {

			@Override
			public Budget tenant(TenantId tenant) {
				return BudgetTests.this.tenantBudget;
			}

			@Override
			public Budget agent() {
				return Budget.NONE;
			}

		};
		return TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports()
					.languageModel(this.model)
					.clock(Clock.fixed(NOW, ZoneOffset.UTC))
					.budgets(source, this.counters)
					.build());
	}

	private static TurnOutcome<ConverseResult> ask(TurnPipeline pipeline) {
		return pipeline
			.converse(new ConverseRequest(TENANT, CLIENT, "shop", "hello there", null, null, null, null, null));
	}

	@Test
	void anAgentsTurnsPerMinuteRefuseTheNextTurnNamingTheBudget() {
		TurnPipeline pipeline = pipeline(Map.of("turns_per_minute", "2"));

		List<TurnOutcome<ConverseResult>> outcomes = List.of(ask(pipeline), ask(pipeline), ask(pipeline));

		assertThat(outcomes.subList(0, 2)).allMatch(TurnOutcome.Completed.class::isInstance);
		assertThat(outcomes.get(2))
			.isEqualTo(new TurnOutcome.BudgetExceeded<>("agent", "turns_per_minute", 2, Duration.ofMinutes(1)));
		assertThat(((TurnOutcome.Failure<?>) outcomes.get(2)).message())
			.isEqualTo("the agent budget turns_per_minute (2 turns per minute) is spent; retry after 60 s");
		assertThat(this.model.calls()).isEqualTo(2);
		assertThat(this.brain.sessions.list(TENANT, null, PageRequest.first(10)).items()).hasSize(2);
	}

	@Test
	void aTenantRefusalGivesBackTheAgentsTurn() {
		this.tenantBudget = new Budget(1, 0);
		TurnPipeline pipeline = pipeline(Map.of("turns_per_minute", "5"));

		ask(pipeline);
		TurnOutcome<ConverseResult> refused = ask(pipeline);

		assertThat(refused).isInstanceOf(TurnOutcome.BudgetExceeded.class);
		assertThat(((TurnOutcome.BudgetExceeded<ConverseResult>) refused).scope()).isEqualTo("tenant");
		assertThat(this.counters.read(TENANT.value() + ":budget:agent:" + AGENT + ":turns").used()).isEqualTo(1);
	}

	@Test
	void spentTokensRefuseTheNextModelTurnUntilMidnightButNotGuidance() {
		// Each call of the scripted model uses 10 + 5 tokens: two turns spend 20.
		TurnPipeline pipeline = pipeline(Map.of("model_tokens_per_day", "20"));

		TurnOutcome<ConverseResult> first = ask(pipeline);
		TurnOutcome<ConverseResult> second = ask(pipeline);
		TurnOutcome<ConverseResult> third = ask(pipeline);
		TurnOutcome<GuidanceResult> guided = pipeline
			.guidance(new GuidanceRequest(TENANT, CLIENT, "shop", "hello there", null, null, null, null));

		assertThat(second).isInstanceOf(TurnOutcome.Completed.class);
		assertThat(third)
			.isEqualTo(new TurnOutcome.BudgetExceeded<>("agent", "model_tokens_per_day", 20, Duration.ofHours(2)));
		assertThat(guided).isInstanceOf(TurnOutcome.Completed.class);
		String traceId = ((TurnOutcome.Completed<ConverseResult>) first).result().trace();
		Trace trace = this.brain.turns.trace(TENANT, traceId).orElseThrow();
		Trace.Phase persistence = trace.phases()
			.stream()
			.filter((phase) -> phase.name().equals("persistence"))
			.findFirst()
			.orElseThrow();
		assertThat(persistence.decisions()).containsEntry("model_tokens", Map.of("input", 10L, "output", 5L));
	}

	@Test
	void budgetSettingsAreWholeNumbersOfZeroOrMore() {
		assertThat(Budget.from(Map.of("turns_per_minute", "30"))).isEqualTo(new Budget(30, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.from(Map.of("model_tokens_per_day", "-1")))
			.withMessageContaining("model_tokens_per_day must be a whole number, 0 (no limit) or more");
		assertThat(new Budget(10, 0).within(new Budget(0, 500)).within(new Budget(20, 100)))
			.isEqualTo(new Budget(10, 100));
	}

	/** Counters of one test: windows never end within it. */
	private static final class Counters implements UsageCounters {

		private final Map<String, Long> counts = new HashMap<>();

		@Override
		public synchronized Usage tryAdd(String key, long amount, long limit, Duration window) {
			long used = this.counts.getOrDefault(key, 0L);
			if (used + amount > limit) {
				return new Usage(false, used, window);
			}
			this.counts.put(key, used + amount);
			return new Usage(true, used + amount, window);
		}

		@Override
		public synchronized Usage add(String key, long amount, Duration window) {
			long used = this.counts.merge(key, amount, Long::sum);
			return new Usage(true, used, window);
		}

		@Override
		public synchronized Usage read(String key) {
			return new Usage(true, this.counts.getOrDefault(key, 0L), Duration.ZERO);
		}

	}

}
