package io.ruche.brain.scenario;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The legal scenario moves, as a table looked up by (state kind, trigger). An illegal
 * move is a {@link TransitionResult.Refused} value, never an exception
 * (docs/conventions.md).
 */
public final class ScenarioStateMachine {

	private enum Kind {

		IDLE, AT_STEP

	}

	private static final Map<Kind, Set<ScenarioTrigger>> LEGAL = Map.of(Kind.IDLE,
			Set.of(ScenarioTrigger.ENTER, ScenarioTrigger.RESUME), Kind.AT_STEP,
			Set.of(ScenarioTrigger.ADVANCE, ScenarioTrigger.SKIP, ScenarioTrigger.RELOCALIZE, ScenarioTrigger.MIGRATE,
					ScenarioTrigger.EXIT, ScenarioTrigger.SWITCH, ScenarioTrigger.RESUME));

	private ScenarioStateMachine() {
	}

	/**
	 * Whether a trigger is legal from a state.
	 * @param from the state
	 * @param trigger the trigger
	 * @return true when {@link #apply} would not refuse it for a valid target
	 */
	public static boolean allows(ScenarioState from, ScenarioTrigger trigger) {
		return LEGAL.getOrDefault(kind(from), Set.of()).contains(trigger);
	}

	/**
	 * Applies a trigger.
	 * @param from the current state
	 * @param trigger the trigger
	 * @param target the step to go to; required by every trigger but
	 * {@link ScenarioTrigger#EXIT}; moves stay inside the current scenario, but for
	 * {@link ScenarioTrigger#SWITCH} and {@link ScenarioTrigger#RESUME}, which go to
	 * another one
	 * @param reason why, for the trace
	 * @return the result; {@link TransitionResult.Refused} when illegal
	 */
	public static TransitionResult apply(ScenarioState from, ScenarioTrigger trigger,
			ScenarioState.@Nullable AtStep target, String reason) {
		if (!allows(from, trigger)) {
			return new TransitionResult.Refused(from, trigger);
		}
		return switch (from) {
			case ScenarioState.Idle idle -> {
				if (target == null) {
					yield new TransitionResult.Refused(from, trigger);
				}
				yield (trigger == ScenarioTrigger.RESUME) ? new TransitionResult.Resumed(null, target, reason)
						: new TransitionResult.Entered(target, reason);
			}
			case ScenarioState.AtStep at -> {
				if (trigger == ScenarioTrigger.EXIT) {
					yield new TransitionResult.Exited(at, reason);
				}
				// a switch or a resume goes to another scenario; every other move stays
				// in this one
				boolean toAnother = trigger == ScenarioTrigger.SWITCH || trigger == ScenarioTrigger.RESUME;
				if (target == null || target.scenarioId().equals(at.scenarioId()) == toAnother) {
					yield new TransitionResult.Refused(from, trigger);
				}
				yield switch (trigger) {
					case SWITCH -> new TransitionResult.Switched(at, target, reason);
					case RESUME -> new TransitionResult.Resumed(at, target, reason);
					default -> new TransitionResult.Moved(at, target, trigger, reason);
				};
			}
		};
	}

	/**
	 * The state after a result.
	 * @param before the state before
	 * @param result the result
	 * @return the state after
	 */
	public static ScenarioState after(ScenarioState before, TransitionResult result) {
		return switch (result) {
			case TransitionResult.Entered entered -> entered.to();
			case TransitionResult.Moved moved -> moved.to();
			case TransitionResult.Exited exited -> new ScenarioState.Idle();
			case TransitionResult.Switched switched -> switched.to();
			case TransitionResult.Resumed resumed -> resumed.to();
			case TransitionResult.Stayed stayed -> before;
			case TransitionResult.Refused refused -> before;
		};
	}

	/**
	 * The event a result emits.
	 * @param result the result
	 * @param turn the turn
	 * @return the event, or null for a stay or a refusal
	 */
	public static @Nullable ScenarioTransitioned event(TransitionResult result, int turn) {
		return switch (result) {
			case TransitionResult.Entered e -> new ScenarioTransitioned(e.to().scenarioId(), null, e.to().stepId(),
					ScenarioTrigger.ENTER, e.reason(), turn);
			case TransitionResult.Moved m -> new ScenarioTransitioned(m.to().scenarioId(), m.from().stepId(),
					m.to().stepId(), m.trigger(), m.reason(), turn);
			case TransitionResult.Exited x -> new ScenarioTransitioned(x.from().scenarioId(), x.from().stepId(), null,
					ScenarioTrigger.EXIT, x.reason(), turn);
			case TransitionResult.Switched w -> new ScenarioTransitioned(w.to().scenarioId(), null, w.to().stepId(),
					ScenarioTrigger.SWITCH, w.reason(), turn);
			case TransitionResult.Resumed u -> new ScenarioTransitioned(u.to().scenarioId(), null, u.to().stepId(),
					ScenarioTrigger.RESUME, u.reason(), turn);
			case TransitionResult.Stayed s -> null;
			case TransitionResult.Refused r -> null;
		};
	}

	private static Kind kind(ScenarioState state) {
		return (state instanceof ScenarioState.AtStep) ? Kind.AT_STEP : Kind.IDLE;
	}

}
