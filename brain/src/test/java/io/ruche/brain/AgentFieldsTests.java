package io.ruche.brain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields an agent declares outside its scenarios are taken from any message by their
 * pattern; those marked profile are kept in the interlocutor's profile.
 */
class AgentFieldsTests {

	private static final Actor CLIENT = Actor.key("key_1", Role.CLIENT);

	private final InMemoryBrain brain = new InMemoryBrain();

	private final TurnPipeline pipeline;

	AgentFieldsTests() {
		this.brain.agents.save(
				new Agent(TENANT, AGENT, "shop", "shop", "You help.", new AgentSettings("Welcome.", 1, Map.of()),
						List.of(new FieldSpec("email", "e-mail", "([\\w.+-]+@[\\w-]+\\.[\\w.]+)", false, true, true),
								new FieldSpec("city", "city", "I live in (\\w+)", false, false, false)),
						0, Instant.EPOCH));
		this.pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS, this.brain.ports().build());
	}

	private ConverseResult say(String message, String interlocutor) {
		TurnOutcome<ConverseResult> outcome = this.pipeline
			.converse(new ConverseRequest(TENANT, CLIENT, "shop", message, null, interlocutor, null, null, null));
		return ((TurnOutcome.Completed<ConverseResult>) outcome).result();
	}

	@Test
	void aDeclaredProfileFieldIsKeptAndAnotherStaysInTheSession() {
		ConverseResult result = say("Hi, I am ann@example.org and I live in Lyon", "cust-1");

		// The e-mail is personal: kept sealed (docs/privacy.md); the city is the
		// session's only.
		Interlocutor profile = this.brain.interlocutors.find(TENANT, "cust-1").orElseThrow();
		assertThat(profile.fields()).containsOnlyKeys("email");
		assertThat(profile.personalFields()).containsExactly("email");
		assertThat(this.brain.sessions.find(TENANT, result.session()).orElseThrow().state().variables())
			.containsKey("email")
			.containsEntry("city", "Lyon");
	}

}
