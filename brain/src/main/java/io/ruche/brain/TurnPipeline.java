package io.ruche.brain;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.internal.DefaultTurnPipeline;
import io.ruche.brain.model.Session;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;

/**
 * The brain's inbound port: answers, guides and checks conversation turns.
 * <p>
 * A turn runs these phases, each timed and traced: context, situation, field updates,
 * scenario navigation, retrieval, rule filtering, relationships, tools, generation
 * (converse only), enforcement (converse only), persistence. Two turns of one session
 * never interleave (they run under the session's lock); messages that arrive while one
 * runs wait for it, or are merged or superseded per the agent's {@code accumulation}
 * (docs/brain.md, The conversation fabric). Expected failures are {@link TurnOutcome}
 * values; store failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface TurnPipeline {

	/**
	 * Creates a pipeline.
	 * @param settings the shared settings
	 * @param ports the outbound ports
	 * @return a thread-safe pipeline, never null
	 */
	static TurnPipeline create(PipelineSettings settings, BrainPorts ports) {
		return create(settings, ports, Expressions.create());
	}

	/**
	 * Creates a pipeline that evaluates CEL with a shared evaluator (whose compiled
	 * programs are then shared with the configuration checks).
	 * @param settings the shared settings
	 * @param ports the outbound ports
	 * @param expressions the CEL evaluator
	 * @return a thread-safe pipeline, never null
	 */
	static TurnPipeline create(PipelineSettings settings, BrainPorts ports, Expressions expressions) {
		return DefaultTurnPipeline.create(settings, ports, expressions);
	}

	/**
	 * Answers a message: the configured model, else the request's sampler, else a
	 * template; a matched EXCLUSIVE template is sent as is with no model call. The reply
	 * is enforced and recorded with its trace.
	 * @param request the request
	 * @return the result or an expected failure, never null
	 */
	TurnOutcome<ConverseResult> converse(ConverseRequest request);

	/**
	 * Records the message and advances the scenario as {@code converse} does, but makes
	 * no reply and no model call: it returns instructions for the client's model.
	 * @param request the request
	 * @return the result or an expected failure, never null
	 */
	TurnOutcome<GuidanceResult> guidance(GuidanceRequest request);

	/**
	 * Checks a draft against the agent's global constraints and those of the session's
	 * active scenario and step; makes no model call.
	 * @param request the request
	 * @return the verdict or an expected failure, never null
	 */
	TurnOutcome<EnforceResult> enforce(EnforceRequest request);

	/**
	 * Replays recorded conversations of an agent in a sandbox, on its live configuration
	 * and on a draft or a published version, and reports every turn with what differs
	 * (see docs/configuration.md, Replay). Writes nothing, calls no model and runs no
	 * tool.
	 * @param request the agent, the candidate and the conversations
	 * @return the report
	 * @throws io.ruche.brain.configuration.UnknownObjectException for an unknown agent,
	 * draft, version or session
	 */
	ReplayReport replay(ReplayRequest request);

	/**
	 * Closes a session: it takes no more turns. Closing a closed session changes nothing.
	 * Waits for a running turn of the session to finish.
	 * @param tenant the tenant
	 * @param actor who closes it, for the audit
	 * @param sessionId the session
	 * @return the closed session, or an expected failure (unknown session, wait exceeded)
	 */
	TurnOutcome<Session> close(TenantId tenant, Actor actor, String sessionId);

}
