package io.ruche.server.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.list;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People who type fast: MCP clients that send the messages of a burst to one session at
 * once, each from a client of its own, and answer through sampling with a model that
 * echoes the message it is shown, slowly enough for a burst to land while it writes; and
 * what each accumulation must answer, the same with one server or several (docs/brain.md,
 * Fabric).
 */
final class BurstChecks implements AutoCloseable {

	final AtomicInteger samplings = new AtomicInteger();

	final AtomicInteger overlaps = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	private CreateMessageResult echo(CreateMessageRequest request) {
		this.samplings.incrementAndGet();
		if (this.running.incrementAndGet() > 1) {
			this.overlaps.incrementAndGet();
		}
		try {
			McpSchema.SamplingMessage last = request.messages().get(request.messages().size() - 1);
			String text = ((McpSchema.TextContent) last.content()).text();
			ConversationSupport.pause(400);
			return CreateMessageResult.builder(McpSchema.Role.ASSISTANT, "You said: " + text, "client-model").build();
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	McpSyncClient client(int port) {
		return ConversationSupport.client(port, this::echo);
	}

	/**
	 * A session of a new agent with this accumulation (window 1.5 s), one turn old.
	 */
	String session(McpSyncClient client, String agentName, String accumulation) {
		agent(client, agentName, Map.of("accumulation", accumulation, "accumulation_window", "1500"));
		return (String) ok(call(client, "converse", Map.of("agent", agentName, "message", "hello"))).get("session");
	}

	/**
	 * Sends the messages 200 ms apart, message i to {@code ports[i % n]} with message id
	 * {@code <session>-m<i+1>}, and waits for every answer.
	 */
	List<Map<String, Object>> burst(List<Integer> ports, String session, List<String> texts) throws Exception {
		List<McpSyncClient> clients = new ArrayList<>();
		List<Future<Map<String, Object>>> sent = new ArrayList<>();
		try {
			for (int i = 0; i < texts.size(); i++) {
				McpSyncClient client = client(ports.get(i % ports.size()));
				clients.add(client);
				Map<String, Object> args = Map.of("session", session, "message", texts.get(i), "message_id",
						session + "-m" + (i + 1));
				sent.add(this.callers.submit(() -> ok(call(client, "converse", args))));
				ConversationSupport.pause(200);
			}
			List<Map<String, Object>> answers = new ArrayList<>();
			for (Future<Map<String, Object>> answer : sent) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			clients.forEach(McpSyncClient::closeGracefully);
		}
	}

	/**
	 * Queue: each message gets a turn of its own, in arrival order, and turns never
	 * overlap.
	 */
	void queueGivesEachMessageATurnOfItsOwn(List<Integer> ports, String agentName) throws Exception {
		McpSyncClient client = client(ports.get(0));
		String session = session(client, agentName, "queue");
		this.overlaps.set(0);

		List<Map<String, Object>> answers = burst(ports, session,
				List.of("I want to return a bike", "it is too small", "order 1234"));

		assertThat(answers).extracting((a) -> a.get("turn")).containsExactly(2, 3, 4);
		assertThat(answers).extracting((a) -> a.get("response"))
			.containsExactly("You said: I want to return a bike", "You said: it is too small", "You said: order 1234");
		assertThat(answers).allSatisfy((a) -> assertThat(map(a, "answered")).containsEntry("accumulation", "queue")
			.containsEntry("merged", false));
		assertThat(map(answers.get(2), "answered")).containsEntry("message_id", session + "-m3")
			.containsEntry("messages", List.of(session + "-m3"));
		assertThat(storedMessages(client, session)).containsExactly("hello", "I want to return a bike",
				"it is too small", "order 1234");
		assertThat(this.overlaps).hasValue(0);
		client.closeGracefully();
	}

	/**
	 * Merge: the messages of one window make one turn; every caller gets its reply,
	 * marked merged, and its trace lists them all.
	 */
	void mergeAnswersOneWindowWithOneTurn(List<Integer> ports, String agentName) throws Exception {
		McpSyncClient client = client(ports.get(0));
		String session = session(client, agentName, "merge");

		List<Map<String, Object>> answers = burst(ports, session, List.of("hi", "my order is 1234", "where is it?"));

		List<String> ids = List.of(session + "-m1", session + "-m2", session + "-m3");
		assertThat(answers).extracting((a) -> a.get("turn")).containsOnly(2);
		assertThat(answers).extracting((a) -> a.get("response"))
			.containsOnly("You said: hi\nmy order is 1234\nwhere is it?");
		assertThat(answers).extracting((a) -> map(a, "answered").get("message_id")).containsExactlyElementsOf(ids);
		assertThat(answers).allSatisfy((a) -> assertThat(map(a, "answered")).containsEntry("accumulation", "merge")
			.containsEntry("merged", true)
			.containsEntry("messages", ids));
		assertThat(storedMessages(client, session)).containsExactly("hello", "hi\nmy order is 1234\nwhere is it?");
		Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", answers.get(1).get("trace"))));
		assertThat(map(list(trace, "phases").get(0), "decisions")).containsEntry("messages", ids);
		client.closeGracefully();
	}

	/**
	 * Supersede: newer messages cancel the running turn before it commits; the newest run
	 * answers them all, and says how many runs it cancelled.
	 */
	void supersedeLetsTheNewestTurnAnswerThemAll(List<Integer> ports, String agentName) throws Exception {
		McpSyncClient client = client(ports.get(0));
		String session = session(client, agentName, "supersede");
		int before = this.samplings.get();

		List<Map<String, Object>> answers = burst(ports, session,
				List.of("book a repair for Monday", "no wait", "make it Tuesday"));

		assertThat(answers).extracting((a) -> a.get("turn")).containsOnly(2);
		assertThat(answers).extracting((a) -> a.get("response"))
			.containsOnly("You said: book a repair for Monday\nno wait\nmake it Tuesday");
		assertThat(answers).allSatisfy((a) -> assertThat(map(a, "answered")).containsEntry("accumulation", "supersede")
			.containsEntry("merged", true)
			.containsEntry("messages", List.of(session + "-m1", session + "-m2", session + "-m3")));
		assertThat((int) map(answers.get(0), "answered").get("superseded")).isPositive();
		// The first run wrote a reply that was never sent; a later one answered all
		// three.
		assertThat(this.samplings.get() - before).isGreaterThan(1);
		assertThat(storedMessages(client, session)).containsExactly("hello",
				"book a repair for Monday\nno wait\nmake it Tuesday");
		client.closeGracefully();
	}

	/** The messages of the session's turns as stored, oldest first. */
	static List<String> storedMessages(McpSyncClient client, String session) {
		return list(ok(call(client, "session_get", Map.of("session", session))), "turns").stream()
			.map((turn) -> String.valueOf(turn.get("message")))
			.toList();
	}

	@Override
	public void close() {
		this.callers.shutdownNow();
	}

}
