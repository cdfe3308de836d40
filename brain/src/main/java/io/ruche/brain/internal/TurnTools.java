package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.Rule;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.ToolConfirmation;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.brain.port.ToolDirectory.ToolCall;
import io.ruche.brain.port.ToolDirectory.ToolRun;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.template.Templates;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tools a turn's kept rules and active step name, once each, before the reply is
 * written, so that their outputs feed that reply.
 * <p>
 * Each call carries an idempotency key made of the session, the turn and the tool. A
 * message repeated right after a turn that gave no reply (mode {@code error}) is a retry
 * of that turn: it reuses that turn's number in the key, so an irreversible tool (a
 * payment) replays its recorded outcome instead of acting twice. A turn that crashed
 * before it was recorded is retried under its own number anyway. A message that carries
 * the caller's message id is keyed by that id instead of the turn number: however often
 * it is retried, and whatever ran in between, its tools act once.
 */
final class TurnTools {

	static final String ERROR_MODE = "error";

	private final ToolDirectory directory;

	private final TurnStore turns;

	TurnTools(ToolDirectory directory, TurnStore turns) {
		this.directory = directory;
		this.turns = turns;
	}

	static List<String> named(TurnState turn) {
		Set<String> names = new LinkedHashSet<>();
		for (Rule rule : turn.matchedRules()) {
			names.addAll(rule.content().tools());
		}
		ScenarioStep step = turn.activeStep();
		if (step != null) {
			names.addAll(step.tools());
		}
		return new ArrayList<>(names);
	}

	void run(TurnState turn, PhaseRecorder phases, @Nullable ToolConfirmation confirmation) {
		List<String> names = named(turn);
		if (names.isEmpty()) {
			phases.skip(TurnPhase.TOOLS, "no tool named by the matched rules or the step");
			return;
		}
		phases.run(TurnPhase.TOOLS, (decisions) -> {
			int keyTurn = retriedTurn(turn);
			if (keyTurn != turn.turn) {
				decisions.put("retry_of_turn", keyTurn);
			}
			Map<String, String> arguments = Templates.values(turn.variables, turn.interlocutor.fields());
			List<Map<String, Object>> traced = new ArrayList<>();
			for (String name : names) {
				ToolRun run = this.directory
					.run(new ToolCall(turn.session.tenant(), turn.actor, turn.snapshot.agent().id(), turn.session.id(),
							name, arguments, idempotencyKey(turn, keyTurn, name), confirmation));
				turn.toolRuns.add(run);
				traced.add(traced(run));
			}
			// Later turns see the outputs as variables; this turn's reply also as
			// tools.<tool>.<field>.
			for (ToolRun run : turn.toolRuns) {
				if (run.ok()) {
					turn.variables.putAll(run.output());
				}
			}
			decisions.put("runs", traced);
		});
	}

	private static String idempotencyKey(TurnState turn, int keyTurn, String tool) {
		String message = (turn.messageId != null) ? "msg:" + turn.messageId : String.valueOf(keyTurn);
		return "turn:" + turn.session.id() + ":" + message + ":" + tool;
	}

	// The number of the turn this message retries: walking back over turns that gave no
	// reply to the same message.
	private int retriedTurn(TurnState turn) {
		if (turn.newSession) {
			return turn.turn;
		}
		List<TurnRecord> recorded = this.turns.turns(turn.session.tenant(), turn.session.id());
		int keyTurn = turn.turn;
		for (int i = recorded.size() - 1; i >= 0; i--) {
			TurnRecord earlier = recorded.get(i);
			if (!ERROR_MODE.equals(earlier.mode()) || !earlier.message().strip().equals(turn.message.strip())) {
				break;
			}
			keyTurn = earlier.turn();
		}
		return keyTurn;
	}

	private static Map<String, Object> traced(ToolRun run) {
		Map<String, Object> traced = new LinkedHashMap<>();
		traced.put("tool", run.tool());
		traced.put("status", run.status());
		if (run.reason() != null) {
			traced.put("reason", run.reason());
		}
		if (!run.missingArguments().isEmpty()) {
			traced.put("missing_arguments", run.missingArguments());
		}
		traced.put("fields", run.output().keySet().stream().sorted().toList());
		return traced;
	}

}
