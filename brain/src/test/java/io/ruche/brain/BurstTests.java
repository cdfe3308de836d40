package io.ruche.brain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.brain.port.ToolDirectory.ToolCall;
import io.ruche.brain.port.ToolDirectory.ToolRun;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three messages sent at once to one session, under each accumulation: every caller gets
 * an answer naming the turn that answered it, no message is lost, turns never overlap.
 */
class BurstTests {

	private static final Actor CLIENT = Actor.key("key_1", Role.CLIENT);

	private final InMemoryBrain brain = new InMemoryBrain();

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger overlaps = new AtomicInteger();

	private final List<String> prompts = new CopyOnWriteArrayList<>();

	private final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();

	// Answers with the last user message it was shown, slowly enough for a burst to land
	// while it writes; counts calls that overlap.
	private final LanguageModel model = (request) -> {
		if (this.running.incrementAndGet() > 1) {
			this.overlaps.incrementAndGet();
		}
		try {
			String prompt = request.messages().get(request.messages().size() - 1).content();
			this.prompts.add(prompt);
			sleep(300);
			return new ModelReply("You said: " + prompt, 10, 5);
		}
		finally {
			this.running.decrementAndGet();
		}
	};

	private final ToolDirectory payments = (call) -> {
		this.toolCalls.add(call);
		return new ToolRun(call.tool(), "ok", Map.of("receipt", "R-" + this.toolCalls.size()));
	};

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	private TurnPipeline pipeline(String accumulation) {
		return pipeline(accumulation, PipelineSettings.DEFAULTS);
	}

	private TurnPipeline pipeline(String accumulation, PipelineSettings settings) {
		this.brain.agents.save(new Agent(TENANT, AGENT, "shop", "shop support", "You are a shop assistant.",
				new AgentSettings(null, 1, Map.of("accumulation", accumulation, "accumulation_window", "400")),
				List.of(), 0, Instant.EPOCH));
		this.brain.addRule(new Rule(TENANT, AGENT, "pay", "pay",
				new Rule.RuleContent("customer asks to pay their order", "take the payment", RuleScope.GLOBAL, null,
						null, List.of(), List.of("charge_card"), Rule.FiringLimits.NONE),
				0, true, 1, null, Instant.EPOCH));
		return TurnPipeline.create(settings, this.brain.ports().languageModel(this.model).tools(this.payments).build());
	}

	private static ConverseRequest message(String text, String session, String id) {
		return new ConverseRequest(TENANT, CLIENT, "shop", text, null, null, null, null, null).inSession(session)
			.withMessageId(id);
	}

	private String session(TurnPipeline pipeline) {
		return completed(
				pipeline.converse(new ConverseRequest(TENANT, CLIENT, "shop", "hello", null, null, null, null, null)))
			.session();
	}

	// Sends the three messages 100 ms apart, each from its own caller.
	private List<ConverseResult> burst(TurnPipeline pipeline, String session, List<String> texts) throws Exception {
		List<Future<TurnOutcome<ConverseResult>>> sent = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			ConverseRequest request = message(texts.get(i), session, "m-" + (i + 1));
			sent.add(this.callers.submit(() -> pipeline.converse(request)));
			sleep(100);
		}
		List<ConverseResult> results = new ArrayList<>();
		for (Future<TurnOutcome<ConverseResult>> future : sent) {
			results.add(completed(future.get(30, TimeUnit.SECONDS)));
		}
		return results;
	}

	@Test
	void queueAnswersEachMessageWithATurnOfItsOwnInArrivalOrder() throws Exception {
		TurnPipeline pipeline = pipeline("queue");
		String session = session(pipeline);

		List<ConverseResult> results = burst(pipeline, session, List.of("first", "second", "third"));

		assertThat(results).extracting(ConverseResult::turn).containsExactly(2, 3, 4);
		assertThat(results).extracting(ConverseResult::response)
			.containsExactly("You said: first", "You said: second", "You said: third");
		assertThat(results).allSatisfy((r) -> {
			assertThat(r.answered().accumulation()).isEqualTo(Accumulation.Mode.QUEUE);
			assertThat(r.answered().merged()).isFalse();
		});
		assertThat(results.get(1).answered().messages()).containsExactly("m-2");
		assertThat(this.overlaps).hasValue(0);
	}

	@Test
	void mergeAnswersTheMessagesOfAWindowWithOneTurn() throws Exception {
		TurnPipeline pipeline = pipeline("merge");
		String session = session(pipeline);

		List<ConverseResult> results = burst(pipeline, session, List.of("hi", "my order is A-1", "where is it?"));

		assertThat(results).extracting(ConverseResult::turn).containsOnly(2);
		assertThat(results).extracting(ConverseResult::response)
			.containsOnly("You said: hi\nmy order is A-1\nwhere is it?");
		assertThat(results).extracting((r) -> r.answered().messageId()).containsExactly("m-1", "m-2", "m-3");
		assertThat(results).allSatisfy((r) -> {
			assertThat(r.answered().messages()).containsExactly("m-1", "m-2", "m-3");
			assertThat(r.answered().merged()).isTrue();
			assertThat(r.answered().accumulation()).isEqualTo(Accumulation.Mode.MERGE);
		});
		assertThat(this.brain.turns.turns(TENANT, session)).extracting(TurnRecord::message)
			.containsExactly("hello", "hi\nmy order is A-1\nwhere is it?");
		assertThat(this.brain.turns.pending(TENANT, session)).isEmpty();
	}

	@Test
	void supersedeCancelsTheRunningTurnAndTheNewestAnswersAllWithoutPayingTwice() throws Exception {
		TurnPipeline pipeline = pipeline("supersede");
		String session = session(pipeline);

		List<ConverseResult> results = burst(pipeline, session,
				List.of("please pay my order", "I meant order B-2", "pay my order B-2 by card"));

		assertThat(results).extracting(ConverseResult::turn).containsOnly(2);
		assertThat(results).extracting(ConverseResult::response)
			.containsOnly("You said: please pay my order\nI meant order B-2\npay my order B-2 by card");
		assertThat(results).allSatisfy((r) -> {
			assertThat(r.answered().messages()).containsExactly("m-1", "m-2", "m-3");
			assertThat(r.answered().merged()).isTrue();
			assertThat(r.answered().superseded()).isPositive();
		});
		// Every run of the superseded turn keyed its payment by the oldest message: the
		// payment service acts once per key.
		assertThat(this.toolCalls).extracting(ToolCall::idempotencyKey)
			.containsOnly("turn:" + session + ":msg:m-1:charge_card");
		assertThat(this.brain.turns.turns(TENANT, session)).hasSize(2);
		assertThat(this.overlaps).hasValue(0);
	}

	@Test
	void aMessageSentAgainAfterItsBurstReturnsTheTurnThatAnsweredIt() throws Exception {
		TurnPipeline pipeline = pipeline("merge");
		String session = session(pipeline);
		burst(pipeline, session, List.of("hi", "my order is A-1"));
		int prompts = this.prompts.size();

		ConverseResult again = completed(pipeline.converse(message("my order is A-1", session, "m-2")));
		TurnOutcome<ConverseResult> otherText = pipeline.converse(message("something else", session, "m-2"));

		assertThat(again.turn()).isEqualTo(2);
		assertThat(again.answered().messageId()).isEqualTo("m-2");
		assertThat(again.answered().messages()).containsExactly("m-1", "m-2");
		assertThat(this.prompts).hasSize(prompts);
		assertThat(otherText).isInstanceOf(TurnOutcome.MessageIdReused.class);
	}

	@Test
	void aMessageThatWaitsLongerThanTheWaitIsKeptAndAnsweredByTheNextTurn() throws Exception {
		TurnPipeline pipeline = pipeline("merge", new PipelineSettings(Duration.ofMillis(150), 0.7, 1024, false));
		String session = session(pipeline);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.callers.submit(() -> this.brain.locks.withLock(TENANT, session, Duration.ofSeconds(5), () -> {
			held.countDown();
			await(release);
			return null;
		}));
		held.await(5, TimeUnit.SECONDS);

		TurnOutcome<ConverseResult> waited = pipeline.converse(message("are you there?", session, "m-1"));
		release.countDown();
		ConverseResult retried = completed(pipeline.converse(message("are you there?", session, "m-1")));

		assertThat(waited).isInstanceOf(TurnOutcome.WaitExceeded.class);
		assertThat(((TurnOutcome.WaitExceeded<ConverseResult>) waited).message())
			.contains("send it again with message_id 'm-1'");
		assertThat(retried.turn()).isEqualTo(2);
		assertThat(retried.response()).isEqualTo("You said: are you there?");
	}

	private static ConverseResult completed(TurnOutcome<ConverseResult> outcome) {
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<ConverseResult>) outcome).result();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
