package io.ruche.server.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
	 * Queue: each message gets a turn of its own, in the order they arrived, and turns
	 * never overlap.
	 */
	void queueGivesEachMessageATurnOfItsOwn(List<Integer> ports, String agentName) throws Exception {
		McpSyncClient client = client(ports.get(0));
		String session = session(client, agentName, "queue");
		this.overlaps.set(0);
		List<String> texts = List.of("I want to return a bike", "it is too small", "order 1234");

		List<Map<String, Object>> answers = burst(ports, session, texts);

		assertThat(answers).extracting((a) -> a.get("turn")).containsExactlyInAnyOrder(2, 3, 4);
		List<String> byTurn = new ArrayList<>(List.of("hello", "", "", ""));
		for (int i = 0; i < texts.size(); i++) {
			Map<String, Object> answer = answers.get(i);
			assertThat(answer).containsEntry("response", "You said: " + texts.get(i));
			assertThat(map(answer, "answered")).containsEntry("accumulation", "queue")
				.containsEntry("merged", false)
				.containsEntry("message_id", session + "-m" + (i + 1))
				.containsEntry("messages", List.of(session + "-m" + (i + 1)));
			byTurn.set((int) answer.get("turn") - 1, texts.get(i));
		}
		assertThat(storedMessages(client, session)).isEqualTo(byTurn);
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
		List<String> texts = List.of("hi", "my order is 1234", "where is it?");

		List<Map<String, Object>> answers = burst(ports, session, texts);

		List<String> arrived = answeredByOneTurn(client, session, texts, answers, "merge");
		Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", answers.get(1).get("trace"))));
		assertThat(map(list(trace, "phases").get(0), "decisions")).containsEntry("messages", arrived);
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
		List<String> texts = List.of("book a repair for Monday", "no wait", "make it Tuesday");

		List<Map<String, Object>> answers = burst(ports, session, texts);

		answeredByOneTurn(client, session, texts, answers, "supersede");
		assertThat((int) map(answers.get(0), "answered").get("superseded")).isPositive();
		// The first run wrote a reply that was never sent; a later one answered all
		// three.
		assertThat(this.samplings.get() - before).isGreaterThan(1);
		client.closeGracefully();
	}

	// Every caller got the one turn that read all the messages, one per line in the
	// order they arrived (on one instance or several), which its answer lists.
	@SuppressWarnings("unchecked")
	private static List<String> answeredByOneTurn(McpSyncClient client, String session, List<String> texts,
			List<Map<String, Object>> answers, String accumulation) {
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= texts.size(); i++) {
			ids.add(session + "-m" + i);
		}
		List<String> arrived = (List<String>) map(answers.get(0), "answered").get("messages");
		assertThat(arrived).containsExactlyInAnyOrderElementsOf(ids);
		String read = arrived.stream().map((id) -> texts.get(ids.indexOf(id))).collect(Collectors.joining("\n"));
		assertThat(answers).extracting((a) -> map(a, "answered").get("message_id")).containsExactlyElementsOf(ids);
		assertThat(answers).allSatisfy((a) -> {
			assertThat(a).containsEntry("turn", 2).containsEntry("response", "You said: " + read);
			assertThat(map(a, "answered")).containsEntry("accumulation", accumulation)
				.containsEntry("merged", true)
				.containsEntry("messages", arrived);
		});
		assertThat(storedMessages(client, session)).containsExactly("hello", read);
		return arrived;
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
