package io.ruche.server.conversation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.conversation.FakeOpenAiServer.Reply;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.list;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A returns conversation over MCP collects a personal e-mail with the configured model (a
 * fake OpenAI server): the database holds it sealed, traces, turns, audit and metrics
 * never in clear, the model never sees it, CEL and templates do; then the customer's data
 * is exported and erased (docs/privacy.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataConversationIT {

	static final FakeOpenAiServer fake = new FakeOpenAiServer();

	static final String EMAIL = "ada.lovelace@example.org";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		fake.configure(registry, "5s");
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	private void returnsAgent(McpSyncClient client, String name) {
		agent(client, name, Map.of());
		ok(call(client, "scenario_upsert", Map.of("agent", name, "scenario", Map.of("name", "returns",
				"entry_condition", "The customer wants to return an item they bought", "steps", List.of(
						Map.of("id", "ask-email", "instructions", "Ask for the customer's e-mail address", "collects",
								List.of(Map.of("name", "email", "description", "e-mail address", "pattern",
										"([\\w.+-]+@[\\w-]+\\.[\\w.]+)", "personal", true, "profile", true)),
								"transitions",
								List.of(Map.of("to", "ask-order", "condition",
										"has(variables.email) && variables.email.endsWith('@example.org')"))),
						Map.of("id", "ask-order", "instructions", "Ask for the order number", "collects",
								List.of(Map.of("name", "order_number", "description", "5 digits", "pattern",
										"(\\d{5})")),
								"transitions",
								List.of(Map.of("to", "label", "condition", "has(variables.order_number)"))),
						Map.of("id", "label", "instructions", "Send the label", "terminal", true, "template",
								Map.of("text", "The label for order {{order_number}} goes to {{email}}.")))))));
	}

	private List<String> column(String sql, String tenantLike) {
		return JdbcClient.create(this.dataSource).sql(sql).param(tenantLike).query(String.class).list();
	}

	@Test
	void thePersonalEmailIsSealedMaskedAndHiddenFromTheModelThenExportedAndErased() {
		McpSyncClient client = ConversationSupport.client(this.port);
		try {
			returnsAgent(client, "privacy-returns");
			fake.script("privacy-returns", new Reply.Text("Sure. What is your e-mail address?"),
					new Reply.Text("Thanks. Which order is it?"));

			Map<String, Object> asked = ok(call(client, "converse", Map.of("agent", "privacy-returns", "message",
					"I want to return the shoes I bought", "interlocutor", "cust-ada")));
			String session = (String) asked.get("session");
			Map<String, Object> answered = ok(
					call(client, "converse", Map.of("session", session, "message", "It is " + EMAIL + ", thanks")));
			// No scripted reply is left: the model fails and the step's template answers.
			Map<String, Object> label = ok(
					call(client, "converse", Map.of("session", session, "message", "Order 12345")));

			// CEL saw the address (the transition checks its domain), the template wrote
			// it.
			assertThat(answered.get("response")).isEqualTo("Thanks. Which order is it?");
			assertThat(map(answered, "scenario")).containsEntry("step", "ask-order");
			assertThat(label.get("response")).isEqualTo("The label for order 12345 goes to " + EMAIL + ".");
			// The model was never sent it, and was sent the mask instead.
			List<String> prompts = fake.requests("privacy-returns");
			assertThat(prompts).hasSizeGreaterThanOrEqualTo(3).noneSatisfy((p) -> assertThat(p).contains(EMAIL));
			assertThat(prompts.get(1)).contains("It is ***, thanks");

			// The database holds no plaintext: sealed in the session and the profile,
			// masked in turns and traces, absent from the audit log.
			assertThat(column("SELECT state FROM sessions WHERE id = ?", session)).singleElement()
				.satisfies((state) -> assertThat(state).contains("enc:v1:").doesNotContain(EMAIL));
			assertThat(column("SELECT body FROM interlocutors WHERE id = ?", "cust-ada")).singleElement()
				.satisfies((body) -> assertThat(body).contains("enc:v1:").doesNotContain(EMAIL));
			assertThat(column("SELECT body FROM turns WHERE session_id = ?", session)).hasSize(3)
				.noneSatisfy((body) -> assertThat(body).contains(EMAIL))
				.anySatisfy((body) -> assertThat(body).contains("It is ***, thanks"));
			assertThat(column("SELECT response FROM turns WHERE session_id = ? AND response IS NOT NULL", session))
				.noneSatisfy((response) -> assertThat(response).contains(EMAIL))
				.contains("The label for order 12345 goes to ***.");
			assertThat(column("SELECT phases FROM traces WHERE session_id = ?", session)).hasSize(3)
				.noneSatisfy((phases) -> assertThat(phases).contains(EMAIL));
			assertThat(column("SELECT details FROM audit_log WHERE session_id = ?", session)).isNotEmpty()
				.noneSatisfy((details) -> assertThat(details).contains(EMAIL));
			assertThat(this.meters.getMeters())
				.noneSatisfy((meter) -> assertThat(meter.getId().toString()).contains(EMAIL));

			// Inspection shows the mask; the trace has no plaintext either.
			Map<String, Object> read = ok(call(client, "session_get", Map.of("session", session)));
			assertThat(map(read, "variables")).containsEntry("email", "***");
			assertThat(list(read, "turns")).extracting((t) -> t.get("message")).contains("It is ***, thanks");
			assertThat(text(call(client, "trace_get", Map.of("trace", answered.get("trace"))))).doesNotContain(EMAIL);
			assertThat(map(ok(call(client, "interlocutor_get", Map.of("interlocutor", "cust-ada"))), "fields"))
				.containsEntry("email", "***");

			// The export opens the sealed values and holds everything.
			Map<String, Object> export = ok(call(client, "interlocutor_export", Map.of("interlocutor", "cust-ada")));
			assertThat(map(map(export, "profile"), "fields")).containsEntry("email", EMAIL);
			assertThat(list(export, "sessions")).singleElement().satisfies((s) -> {
				assertThat(s).containsEntry("id", session);
				assertThat(map(s, "variables")).containsEntry("email", EMAIL);
				assertThat(list(s, "turns")).hasSize(3);
			});
			assertThat(list(export, "traces")).hasSize(3);
			RestClient rest = new RestClient(this.port, ConversationSupport.KEY);
			HttpResponse<String> download = rest.get("/api/interlocutors/cust-ada/export");
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					(value) -> assertThat(value).contains("attachment").contains("interlocutor-cust-ada.json"));
			assertThat(download.body()).contains(EMAIL);

			// Erasure leaves nothing of the customer, and the audit says who erased.
			Map<String, Object> erased = ok(call(client, "interlocutor_erase", Map.of("interlocutor", "cust-ada")));
			assertThat(erased).containsEntry("profile_erased", true)
				.containsEntry("sessions_erased", 1)
				.containsEntry("turns_erased", 3);
			Map<String, Object> after = ok(call(client, "interlocutor_export", Map.of("interlocutor", "cust-ada")));
			assertThat(after.get("profile")).isNull();
			assertThat(list(after, "sessions")).isEmpty();
			assertThat(list(after, "traces")).isEmpty();
			Map<String, Object> downloadedAfter = RestClient.map(rest.get("/api/interlocutors/cust-ada/export"));
			assertThat(downloadedAfter.get("profile")).isNull();
			assertThat(list(downloadedAfter, "sessions")).isEmpty();
			CallToolResult gone = call(client, "session_get", Map.of("session", session));
			assertThat(gone.isError()).isTrue();
			assertThat(column("SELECT COUNT(*) FROM turns WHERE session_id = ?", session)).containsExactly("0");
			assertThat(column("SELECT COUNT(*) FROM traces WHERE session_id = ?", session)).containsExactly("0");
			assertThat(column("SELECT actor FROM audit_log WHERE action = ?", "interlocutor.erase")).isNotEmpty()
				.allSatisfy((actor) -> assertThat(actor).isNotBlank().isNotEqualTo("system"));
			assertThat(column("SELECT subject FROM audit_log WHERE action = ?", "interlocutor.erase"))
				.noneSatisfy((subject) -> assertThat(subject).contains("cust-ada"));
			Map<String, Object> again = ok(call(client, "interlocutor_erase", Map.of("interlocutor", "cust-ada")));
			assertThat(again).containsEntry("profile_erased", false).containsEntry("sessions_erased", 0);
		}
		finally {
			client.closeGracefully();
		}
	}

}
