package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The challenge of {@code /mcp} reads as what it is (issue 9, "a wrong key must read as a
 * wrong key"): an RFC 6750 {@code Bearer} challenge with an error code and description
 * and a problem body, never a bare {@code realm} that MCP clients take for an OAuth
 * server; and a configured Origin list refuses every other origin (issue 9, hole 16).
 */
class McpAuthenticationIT extends McpSecuritySupport {

	@Test
	void mcpResponsesCarryTheSecurityHeadersOfAnApi() throws Exception {
		HttpResponse<String> answer = initialize("", ADMIN_KEY);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).isIn("no-store", "no-cache"));
		assertThat(answer.headers().firstValue("Permissions-Policy")).isEmpty();
	}

	@Test
	void aMissingKeyIsAnInvalidRequest() throws Exception {
		HttpResponse<String> answer = initialize("", null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer ")
				.contains("error=\"invalid_request\"")
				.contains("error_description=\"Missing bearer token"));
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(answer.body())).containsEntry("status", 401).containsEntry("error", "invalid_request");
	}

	@Test
	void anUnknownOrRevokedKeyIsAnInvalidToken() throws Exception {
		String admin = newTenant();
		Key revoked = newKey(admin, "viewer");
		assertThat(send("DELETE", "/api/keys/" + revoked.id(), admin, null, null).statusCode()).isEqualTo(204);

		HttpResponse<String> unknown = initialize("", "rk_not-a-key");
		HttpResponse<String> withRevoked = initialize("", revoked.secret());

		for (HttpResponse<String> answer : List.of(unknown, withRevoked)) {
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate"))
				.hasValue("Bearer realm=\"ruche\", error=\"invalid_token\", "
						+ "error_description=\"The API key is unknown or revoked\"");
			Map<String, Object> body = json(answer.body());
			assertThat(body).containsEntry("error", "invalid_token").containsEntry("status", 401);
			assertThat(body.get("detail").toString()).contains("unknown or revoked").contains("Authorization: Bearer");
		}
	}

	@Test
	void theSdkClientSeesTheChallengeOfAWrongKey() {
		Throwable failure = catchThrowable(
				() -> McpClient.sync(transport("rk_wrong", "", new AtomicReference<>())).build().initialize());

		McpHttpClientTransportAuthorizationException refusal = findCause(failure,
				McpHttpClientTransportAuthorizationException.class);
		assertThat(refusal.getResponseInfo().statusCode()).isEqualTo(401);
		assertThat(refusal.getResponseInfo().headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void aConfiguredOriginListRefusesEveryOtherOrigin() throws Exception {
		String admin = newTenant();

		int console = initializeFrom("https://console.example.com", admin);
		int inspector = initializeFrom("http://localhost:6274", admin);
		int foreign = initializeFrom("https://evil.example.com", admin);
		int lookalike = initializeFrom("https://console.example.com.evil.example", admin);
		int defaultOnly = initializeFrom("http://127.0.0.1:6274", admin);

		assertThat(console).isEqualTo(200);
		assertThat(inspector).isEqualTo(200);
		assertThat(foreign).isEqualTo(403);
		assertThat(lookalike).isEqualTo(403);
		assertThat(defaultOnly).isEqualTo(403);
	}

	private int initializeFrom(String origin, String key) throws Exception {
		return send("POST", "/mcp", key, null, initializeBody(), Map.of("Origin", origin)).statusCode();
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

}
