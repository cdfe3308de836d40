package io.ruche.brain.replay;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a replay found: each recorded turn run twice in a sandbox, on the live
 * configuration (before) and on the candidate (after), and what differs.
 *
 * @param agentId the agent
 * @param baseline the live version replayed as the baseline ({@code live} when the agent
 * has no published version)
 * @param candidate the candidate version ({@code draft} or a number)
 * @param sessions the sessions replayed, each with its reported turns
 * @param turns how many turns were reported
 * @param changed how many of them differ
 */
public record ReplayReport(String agentId, String baseline, String candidate, List<ReplayedSession> sessions, int turns,
		int changed) {

	public ReplayReport {
		sessions = List.copyOf(sessions);
	}

	/**
	 * Whether any reported turn differs between the live configuration and the candidate.
	 */
	public boolean regressed() {
		return this.changed > 0;
	}

	/**
	 * One replayed session.
	 *
	 * @param sessionId the recorded session
	 * @param turns its reported turns, oldest first
	 */
	public record ReplayedSession(String sessionId, List<ReplayedTurn> turns) {

		public ReplayedSession {
			turns = List.copyOf(turns);
		}

	}

	/**
	 * One recorded turn, replayed on both configurations.
	 *
	 * @param turn the recorded turn number
	 * @param message the recorded message
	 * @param before the outcome on the live configuration
	 * @param after the outcome on the candidate
	 * @param changed the outcome's parts that differ: {@code rules}, {@code scenario},
	 * {@code step}, {@code mode}, {@code reply}, {@code violations}; empty when none
	 * @param tools how each tool the candidate's turn names was handled
	 */
	public record ReplayedTurn(int turn, String message, TurnOutcomeView before, TurnOutcomeView after,
			List<String> changed, List<ToolHandling> tools) {

		public ReplayedTurn {
			changed = List.copyOf(changed);
			tools = List.copyOf(tools);
		}

	}

	/**
	 * A turn's outcome as the replay compares it.
	 *
	 * @param rules the names of the kept rules, in the kept order
	 * @param scenario the active scenario's name after the turn, or null
	 * @param step the active step after the turn, or null
	 * @param mode {@code template}, {@code fallback}, {@code llm} (a model would write
	 * it), {@code guidance} or {@code none}
	 * @param reply the reply when it is deterministic (a template or fallback), else null
	 * @param violations the expressions of the constraints the reply breaks (the
	 * deterministic reply, else the recorded one)
	 */
	public record TurnOutcomeView(List<String> rules, @Nullable String scenario, @Nullable String step, String mode,
			@Nullable String reply, List<String> violations) {

		public TurnOutcomeView {
			rules = List.copyOf(rules);
			violations = List.copyOf(violations);
		}

	}

	/**
	 * What the replay did instead of running a tool.
	 *
	 * @param tool the tool name
	 * @param handling {@code simulated} (the recorded turn ran it: its recorded status is
	 * reused, its output is not replayed) or {@code skipped} (the recorded turn did not
	 * run it: nothing runs)
	 * @param status the status the turn saw: the recorded one, or {@code skipped}
	 */
	public record ToolHandling(String tool, String handling, String status) {
	}

}
