package io.ruche.brain.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Builders of domain records for tests.
 */
public final class Fixtures {

	public static final TenantId TENANT = TenantId.of("acme");

	public static final String AGENT = "agt_1";

	private Fixtures() {
	}

	public static FieldSpec field(String name, @Nullable String pattern) {
		return new FieldSpec(name, name, pattern, false, false);
	}

	public static ScenarioStep step(String id, List<FieldSpec> collects, List<Transition> transitions) {
		return new ScenarioStep(id, id, "do " + id, collects, transitions, false, List.of(), false);
	}

	public static ScenarioStep terminal(String id) {
		return new ScenarioStep(id, id, "finish " + id, List.of(), List.of(), true, List.of(), false);
	}

	public static Scenario scenario(String id, String entryCondition, List<ScenarioStep> steps) {
		return new Scenario(TENANT, AGENT, id, id, "flow " + id, entryCondition, steps.get(0).id(), steps, true, 1,
				null, Instant.EPOCH);
	}

	/** A scenario that is left when one of its exit conditions holds. */
	public static Scenario scenario(String id, String entryCondition, List<ScenarioStep> steps,
			List<String> exitConditions) {
		return new Scenario(TENANT, AGENT, id, id, "flow " + id, entryCondition, steps.get(0).id(), steps,
				exitConditions, true, 1, null, Instant.EPOCH);
	}

	/** A sign-up flow whose steps move by meaning: name, then email, then confirm. */
	public static Scenario signup() {
		return scenario("signup", "customer wants to create an account", List.of(
				step("collect_name", List.of(field("name", null)),
						List.of(new Transition("collect_email", null, "customer gave their name"))),
				step("collect_email", List.of(field("email", null)),
						List.of(new Transition("confirm", null, "customer gave their email"))),
				terminal("confirm")));
	}

	public static EmbeddedScenario embedded(Scenario scenario, EmbeddingModel model) {
		return new EmbeddedScenario(scenario, ScenarioEmbedder.embed(scenario, model));
	}

	public static Rule rule(String id, String condition, RuleScope scope, @Nullable String scopeRef,
			List<String> constraints, @Nullable Template template) {
		return new Rule(TENANT, AGENT, id, id, new Rule.RuleContent(condition, "act on " + condition, scope, scopeRef,
				template, constraints, List.of(), Rule.FiringLimits.NONE), 0, true, 1, null, Instant.EPOCH);
	}

}
