package io.ruche.brain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.PersonalDataSettings;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.Transition;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.brain.testing.ScriptedModel;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static io.ruche.brain.testing.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A returns flow collects a personal e-mail: sealed where it is stored, masked in the
 * turn's record and trace, hidden from the model, seen in clear by CEL and templates.
 */
class PersonalDataTests {

	private static final String EMAIL = "ada.lovelace@example.com";

	// CEL reads the session's value, or the profile's for a returning interlocutor.
	private static final String EXAMPLE_ADDRESS = "(has(variables.email) && variables.email.endsWith(\"@example.com\"))"
			+ " || (has(interlocutor.fields.email) && interlocutor.fields.email.endsWith(\"@example.com\"))";

	private static final Actor CLIENT = Actor.key("key_1", Role.CLIENT);

	private final InMemoryBrain brain = new InMemoryBrain();

	private final Keyring keyring = Keyring.ephemeral();

	PersonalDataTests() {
		agent(Map.of());
		FieldSpec email = new FieldSpec("email", "the customer's e-mail", "([\\w.+-]+@[\\w-]+\\.[a-z]+)", true, true,
				true);
		this.brain.addScenario(scenario("returns", "customer want to return my shoes",
				List.of(new ScenarioStep("ask_email", "ask_email", "ask for the e-mail", List.of(email),
						List.of(new Transition("done", EXAMPLE_ADDRESS, null)), false, List.of(), false,
						new Template("What is your e-mail?", TemplateMode.EXCLUSIVE)),
						new ScenarioStep("done", "done", "confirm", List.of(), List.of(), true, List.of(), false,
								new Template("We will write to {{email}}.", TemplateMode.EXCLUSIVE)))));
	}

	private void agent(Map<String, String> settings) {
		this.brain.agents.save(new Agent(TENANT, AGENT, "support", "help desk", "You help with returns.",
				new AgentSettings(null, 1, settings), List.of(), 0, Instant.EPOCH));
	}

	private TurnPipeline pipeline(ScriptedModel model) {
		return TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().languageModel(model).keyring(this.keyring).build());
	}

	private TurnPipeline pipelineWithoutModel() {
		return TurnPipeline.create(PipelineSettings.DEFAULTS, this.brain.ports().keyring(this.keyring).build());
	}

	private static <T> T completed(TurnOutcome<T> outcome) {
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<T>) outcome).result();
	}

	private ConverseRequest say(String message, String session) {
		return new ConverseRequest(TENANT, CLIENT, "support", message, session, "itl_ada", null, null, null);
	}

	private ConverseResult conversation(TurnPipeline pipeline) {
		ConverseResult entered = completed(pipeline.converse(say("I want to return my shoes", null)));
		return completed(pipeline.converse(say("my e-mail is " + EMAIL + " thanks", entered.session())));
	}

	private static String everything(ModelRequest request) {
		return request.system() + request.messages();
	}

	@Test
	void theModelNeverSeesThePersonalValueButCelDoes() {
		ScriptedModel model = new ScriptedModel("Which e-mail should we use?", "Noted.");

		ConverseResult answered = conversation(pipeline(model));

		assertThat(answered.scenario()).isEqualTo(new ScenarioPosition("returns", "returns", "done"));
		assertThat(model.requests).isNotEmpty().noneSatisfy((r) -> assertThat(everything(r)).contains(EMAIL));
		assertThat(model.requests.getLast().messages().getLast().content()).isEqualTo("my e-mail is *** thanks");
	}

	@Test
	void theValueIsSealedWhereStoredAndMaskedInTheRecordAndTrace() {
		ConverseResult answered = conversation(pipeline(new ScriptedModel("Which e-mail?", "Noted.")));

		String stored = this.brain.sessions.find(TENANT, answered.session())
			.orElseThrow()
			.state()
			.variables()
			.get("email");
		assertThat(stored).startsWith(Keyring.PREFIX + this.keyring.currentKeyId()).doesNotContain(EMAIL);
		assertThat(this.keyring.open(TENANT, stored)).isEqualTo(EMAIL);
		String profile = this.brain.interlocutors.find(TENANT, "itl_ada").orElseThrow().fields().get("email");
		assertThat(profile).startsWith(Keyring.PREFIX);
		List<TurnRecord> turns = this.brain.turns.turns(TENANT, answered.session());
		assertThat(turns.getLast().message()).isEqualTo("my e-mail is *** thanks");
		assertThat(this.brain.turns.trace(TENANT, answered.trace()).orElseThrow().toString()).doesNotContain(EMAIL);
		assertThat(this.brain.audit.records.toString()).doesNotContain(EMAIL);
	}

	@Test
	void aTemplateRepliesWithTheValueWhichIsStoredMasked() {
		ConverseResult answered = conversation(pipelineWithoutModel());

		assertThat(answered.response()).isEqualTo("We will write to " + EMAIL + ".");
		assertThat(this.brain.turns.turns(TENANT, answered.session()).getLast().response())
			.isEqualTo("We will write to ***.");
	}

	@Test
	void inspectionShowsSealedValuesAsMasks() {
		ConverseResult answered = conversation(pipelineWithoutModel());
		SessionQueries queries = SessionQueries.create(this.brain.agents, this.brain.scenarios, this.brain.sessions,
				this.brain.turns, this.brain.interlocutors, java.time.Clock.systemUTC());

		assertThat(queries.session(TENANT, answered.session()).orElseThrow().session().state().variables())
			.containsEntry("email", "***");
		assertThat(queries.interlocutor(TENANT, "itl_ada").orElseThrow().fields()).containsEntry("email", "***");
	}

	@Test
	void aReturningInterlocutorHasTheValueInClearForTheTurn() {
		TurnPipeline pipeline = pipelineWithoutModel();
		conversation(pipeline);

		ConverseResult back = completed(pipeline.converse(say("I want to return my shoes", null)));

		// The profile's e-mail, opened, meets the CEL transition at once.
		assertThat(back.scenario()).isEqualTo(new ScenarioPosition("returns", "returns", "done"));
		assertThat(back.response()).isEqualTo("We will write to " + EMAIL + ".");
	}

	@Test
	void anAgentMayLetTheModelSeeAPersonalField() {
		agent(Map.of(PersonalDataSettings.TO_MODEL, "email"));
		ScriptedModel model = new ScriptedModel("Which e-mail?", "Noted.");

		ConverseResult answered = conversation(pipeline(model));

		assertThat(model.requests.getLast().messages().getLast().content()).contains(EMAIL);
		assertThat(this.brain.turns.turns(TENANT, answered.session()).getLast().message()).doesNotContain(EMAIL);
	}

	@Test
	void aRetriedMessageWithAPersonalValueReturnsTheStoredTurn() {
		TurnPipeline pipeline = pipelineWithoutModel();
		ConverseResult entered = completed(pipeline.converse(say("I want to return my shoes", null)));
		ConverseRequest message = say("my e-mail is " + EMAIL + " thanks", entered.session()).withMessageId("m-2");

		ConverseResult first = completed(pipeline.converse(message));
		ConverseResult retried = completed(pipeline.converse(message));
		TurnOutcome<ConverseResult> other = pipeline
			.converse(say("my e-mail is someone@else.org", entered.session()).withMessageId("m-2"));

		assertThat(retried.turn()).isEqualTo(first.turn());
		assertThat(this.brain.turns.turns(TENANT, entered.session())).hasSize(2);
		assertThat(other).isInstanceOf(TurnOutcome.MessageIdReused.class);
	}

	@Test
	void theSettingNamesFields() {
		assertThat(PersonalDataSettings.from(Map.of(PersonalDataSettings.TO_MODEL, "email, phone")).toModel())
			.containsExactlyInAnyOrder("email", "phone");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PersonalDataSettings.from(Map.of(PersonalDataSettings.TO_MODEL, "e-mail")))
			.withMessageContaining("personal_fields_to_model");
	}

}
