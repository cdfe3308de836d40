package io.ruche.toolbox.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A request to run a tool. Build it with {@link #of} and the {@code with*} methods.
 *
 * @param tenant the tenant whose tool runs
 * @param actor the key id (or {@code system}) that asks, for the audit
 * @param toolName the tool
 * @param arguments the arguments as JSON-like values
 * @param agentId when set, the tool must be enabled for this agent
 * @param sessionId the conversation session, for the audit
 * @param idempotencyKey for irreversible tools: the call runs at most once per key
 * @param confirmation asks the person to confirm tools that require it; without it such
 * tools are refused
 */
public record InvocationRequest(TenantId tenant, String actor, String toolName, Map<String, Object> arguments,
		@Nullable String agentId, @Nullable String sessionId, @Nullable String idempotencyKey,
		@Nullable ConfirmationCallback confirmation) {

	/**
	 * The longest session id or agent id a request may carry: what the audit log keeps.
	 */
	public static final int MAX_REFERENCE = AuditRecord.MAX_SESSION_ID;

	// Everything the audit record of the call keeps is bounded here, before anything
	// runs.
	public InvocationRequest {
		arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		if (!ToolDefinition.isValidName(toolName)) {
			throw new IllegalArgumentException("tool name must be 1-128 letters, digits, '_', '-' or '.' (got "
					+ toolName.length() + " characters)");
		}
		requireReference("session", sessionId);
		requireReference("agent", agentId);
		if (actor.isBlank() || actor.length() > AuditRecord.MAX_ACTOR) {
			throw new IllegalArgumentException("actor must be 1-" + AuditRecord.MAX_ACTOR + " characters");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new IllegalArgumentException("idempotency key must be 1-200 characters");
		}
	}

	private static void requireReference(String name, @Nullable String value) {
		if (value != null && (value.isBlank() || value.length() > MAX_REFERENCE)) {
			throw new IllegalArgumentException(
					name + " must be 1-" + MAX_REFERENCE + " characters (got " + value.length() + ")");
		}
	}

	/**
	 * Starts a request without agent, session, key or confirmation.
	 * @param tenant the tenant
	 * @param actor who asks
	 * @param toolName the tool
	 * @param arguments the arguments
	 * @return the request
	 */
	public static InvocationRequest of(TenantId tenant, String actor, String toolName, Map<String, Object> arguments) {
		return new InvocationRequest(tenant, actor, toolName, arguments, null, null, null, null);
	}

	public InvocationRequest withAgent(@Nullable String agentId) {
		return new InvocationRequest(this.tenant, this.actor, this.toolName, this.arguments, agentId, this.sessionId,
				this.idempotencyKey, this.confirmation);
	}

	public InvocationRequest withSession(@Nullable String sessionId) {
		return new InvocationRequest(this.tenant, this.actor, this.toolName, this.arguments, this.agentId, sessionId,
				this.idempotencyKey, this.confirmation);
	}

	public InvocationRequest withIdempotencyKey(@Nullable String idempotencyKey) {
		return new InvocationRequest(this.tenant, this.actor, this.toolName, this.arguments, this.agentId,
				this.sessionId, idempotencyKey, this.confirmation);
	}

	public InvocationRequest withConfirmation(@Nullable ConfirmationCallback confirmation) {
		return new InvocationRequest(this.tenant, this.actor, this.toolName, this.arguments, this.agentId,
				this.sessionId, this.idempotencyKey, confirmation);
	}

}
