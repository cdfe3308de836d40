package io.ruche.server.api;

import java.util.Map;

import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.model.Session;
import io.ruche.brain.port.LanguageModel;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.ConverseJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.SessionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Converses over REST, as {@code converse} does over MCP: the same pipeline, the same
 * result JSON. The console uses it to try an agent. There is no MCP sampling here: a
 * reply comes from the configured model or from a template.
 */
@RestController
@Tag(name = "Conversation", description = "Talk to an agent: the converse tool over REST")
public class ConversationController {

	private final TurnPipeline pipeline;

	private final boolean modelConfigured;

	public ConversationController(TurnPipeline pipeline, ObjectProvider<LanguageModel> languageModel) {
		this.pipeline = pipeline;
		this.modelConfigured = languageModel.getIfAvailable() != null;
	}

	@RequiresRole(value = Role.CLIENT, operation = "conversing")
	@PostMapping("/api/converse")
	@Operation(summary = "Send a message (client): {\"agent\", \"message\", \"session\"?, \"interlocutor\"?, "
			+ "\"channel\"?}; answers as converse (session, turn, response, mode, matched_rules, scenario, "
			+ "tool_calls, enforcement, trace); 503 when no model is available and no template applies. "
			+ "An Idempotency-Key header (converse's message_id) sent again in the session returns the stored "
			+ "turn and runs nothing; 422 when it answered a different message; 429 with Retry-After when a "
			+ "budget of turns or model tokens is spent")
	public ResponseEntity<?> converse(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@RequestBody Map<String, Object> body) {
		Args args = new Args(body);
		String session = blank(args.optionalString("session"));
		String agent = blank(args.optionalString("agent"));
		if (agent == null && session == null) {
			throw new InvalidArgumentsException("agent is required to start a session");
		}
		String message = args.string("message");
		String channel = blank(args.optionalString("channel"));
		ConverseRequest request = InvalidArgumentsException
			.reading(() -> new ConverseRequest(principal.tenant(), principal.actor(), agent, message, session,
					blank(args.optionalString("interlocutor")), (channel != null) ? channel : "api", null, null)
				.withMessageId(messageId(idempotencyKey, args)));
		return switch (this.pipeline.converse(request)) {
			case TurnOutcome.Completed<ConverseResult> done -> ResponseEntity.ok(ConverseJson.write(done.result()));
			case TurnOutcome.Failure<ConverseResult> failure -> TurnProblems.response(failure, this.modelConfigured);
		};
	}

	@RequiresRole(value = Role.CLIENT, operation = "closing sessions")
	@PostMapping("/api/sessions/{id}/close")
	@Operation(summary = "Close a session, as session_close (client): it takes no more turns; closing a closed "
			+ "session changes nothing")
	public ResponseEntity<?> close(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return switch (this.pipeline.close(principal.tenant(), principal.actor(), id)) {
			case TurnOutcome.Completed<Session> done -> ResponseEntity.ok(SessionJson.closed(done.result()));
			case TurnOutcome.Failure<Session> failure -> TurnProblems.response(failure, this.modelConfigured);
		};
	}

	// The header, or message_id in the body as over MCP; both must then agree.
	private static @Nullable String messageId(@Nullable String header, Args args) {
		String fromBody = ConverseJson.messageId(args);
		String fromHeader = blank(header);
		if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
			throw new InvalidArgumentsException("the Idempotency-Key header and message_id differ");
		}
		return (fromHeader != null) ? fromHeader : fromBody;
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
