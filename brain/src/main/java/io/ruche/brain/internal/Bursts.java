package io.ruche.brain.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;

/**
 * The messages of a session under {@code merge} or {@code supersede} accumulation
 * (docs/brain.md, Fabric). Each message is kept in the session's inbox (the turn store)
 * as it arrives, on whichever instance; the caller that next holds the session's lock
 * answers every message kept and not yet answered in one turn, and marks them answered
 * with the turn, in the turn's transaction. A caller whose message another turn answered
 * gets that turn's reply. Under {@code merge} a caller first waits for the window to
 * pass, counted from the oldest waiting message, so that the messages of a burst arrive
 * before their turn runs; under {@code supersede} the turn starts at once and runs again
 * over all messages when a newer one arrives before it commits.
 */
final class Bursts {

	/** How many runs of one turn newer messages may cancel before it commits anyway. */
	static final int MAX_SUPERSEDED = 3;

	private final DefaultTurnPipeline pipeline;

	private final TurnStore turns;

	private final TurnOpener opener;

	private final TurnReplays replays;

	private final SnapshotCache snapshots;

	private final Clock clock;

	private final Duration wait;

	Bursts(DefaultTurnPipeline pipeline, TurnStore turns, TurnOpener opener, TurnReplays replays,
			SnapshotCache snapshots, Clock clock, Duration wait) {
		this.pipeline = pipeline;
		this.turns = turns;
		this.opener = opener;
		this.replays = replays;
		this.snapshots = snapshots;
		this.clock = clock;
		this.wait = wait;
	}

	TurnOutcome<ConverseResult> converse(ConverseRequest request, Agent agent, String sessionId,
			Accumulation accumulation) {
		TenantId tenant = request.tenant();
		// A message for a session that takes no turns is refused, not kept.
		if (this.opener.session(agent, sessionId, sessionId, null,
				null) instanceof TurnOpener.SessionLookup.Missing m) {
			return m.failure().outcome();
		}
		// A retry of a message a turn answered before the inbox kept it (under queue).
		if (this.replays.converse(tenant, sessionId, request.messageId(), request.message(),
				this.snapshots.get(agent)) instanceof TurnReplays.Lookup.Answered<ConverseResult> answered) {
			return answered.outcome();
		}
		Instant start = this.clock.instant();
		String given = request.messageId();
		String own = (given != null) ? given : Ids.newId("msg");
		InboxMessage kept = this.turns
			.receive(new InboxMessage(tenant, sessionId, own, request.message(), start, null));
		if (!kept.text().strip().equals(request.message().strip())) {
			return new TurnOutcome.MessageIdReused<>(sessionId, own, kept.turn(), "with a different message");
		}
		if (kept.turn() == null && accumulation.mode() == Accumulation.Mode.MERGE) {
			collect(tenant, sessionId, accumulation.window(), start.plus(this.wait));
		}
		Duration left = Duration.between(this.clock.instant(), start.plus(this.wait));
		if (left.isNegative()) {
			left = Duration.ZERO;
		}
		return this.pipeline.locked(tenant, sessionId, left, own,
				() -> answer(request, agent, sessionId, own, accumulation.mode()));
	}

	// Under the lock: the reply of the turn that answered the message, or a turn over
	// every
	// message waiting.
	private TurnOutcome<ConverseResult> answer(ConverseRequest request, Agent agent, String sessionId, String own,
			Accumulation.Mode mode) {
		TenantId tenant = request.tenant();
		Optional<InboxMessage> mine = this.turns.message(tenant, sessionId, own);
		Integer answeredBy = mine.isPresent() ? mine.get().turn() : null;
		if (answeredBy != null) {
			return this.replays.answered(tenant, sessionId, answeredBy, own, this.snapshots.get(agent));
		}
		List<Map<String, Object>> superseded = new ArrayList<>();
		while (true) {
			Burst burst = new Burst(mode, this.turns.pending(tenant, sessionId), superseded);
			BooleanSupplier newer = (mode == Accumulation.Mode.SUPERSEDE && superseded.size() < MAX_SUPERSEDED)
					? () -> arrivedSince(tenant, sessionId, burst) : () -> false;
			DefaultTurnPipeline.Attempt attempt = this.pipeline.converseTurn(request, agent, sessionId, burst, own,
					newer);
			if (attempt instanceof DefaultTurnPipeline.Attempt.Done done) {
				return done.outcome();
			}
			superseded.add(((DefaultTurnPipeline.Attempt.Superseded) attempt).run());
		}
	}

	private boolean arrivedSince(TenantId tenant, String sessionId, Burst burst) {
		Set<String> read = Set.copyOf(burst.ids());
		return this.turns.pending(tenant, sessionId).stream().anyMatch((m) -> !read.contains(m.messageId()));
	}

	// Waits until the window of the oldest waiting message has passed, or the deadline.
	private void collect(TenantId tenant, String sessionId, Duration window, Instant deadline) {
		Instant until = this.turns.pending(tenant, sessionId)
			.stream()
			.findFirst()
			.map((oldest) -> oldest.receivedAt().plus(window))
			.orElse(this.clock.instant());
		if (until.isAfter(deadline)) {
			until = deadline;
		}
		long millis = Duration.between(this.clock.instant(), until).toMillis();
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
