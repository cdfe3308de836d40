package io.ruche.server.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.discovery.SearchWeights;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.sandbox.SandboxPolicy;
import io.ruche.toolbox.upstream.ListenSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Toolbox sandbox, under the prefix {@code platform.toolbox}; every one
 * can be set by its environment variable ({@code PLATFORM_TOOLBOX_TIMEOUT_CAP}, ...). See
 * {@code docs/toolbox.md}.
 *
 * @param timeoutCap the longest a tool call may take, whatever the tool asks
 * @param maxResponseBytes the largest tool answer accepted
 * @param tenantCallsPerMinute tool calls per tenant per minute (all instances)
 * @param toolCallsPerMinute calls per tenant and tool per minute (all instances)
 * @param dailyQuota tool calls per tenant per day (all instances)
 * @param tenantConcurrency calls of one tenant running at once on one instance
 * @param breaker the circuit breaker of each tenant's tool
 * @param retry retries of pure and idempotent tools after transient failures
 * @param allowLoopback whether tools may reach loopback addresses (default false; tests
 * and single-machine setups only)
 * @param allowedHosts per tenant id, the only hosts its tools may reach
 * ({@code api.example.com}, {@code *.example.com}); tenants without an entry may reach
 * any public host (never private, link-local or loopback addresses)
 * @param secretKey the Base64 AES key (16, 24 or 32 bytes) that encrypts tool secrets
 * ({@code RUCHE_SECRET_KEY}); when unset, one is generated and kept in the data directory
 * @param enabledByDefault whether registered tools are usable by every agent without
 * {@code tool_enable} (default false: opt-in per agent)
 * @param search how tool search combines words and meaning
 * @param upstreamListen the long-lived sessions to upstream MCP servers that hear their
 * {@code tools/list_changed}
 */
@ConfigurationProperties("platform.toolbox")
public record ToolboxProperties(@DefaultValue("30s") Duration timeoutCap,
		@DefaultValue("1048576") long maxResponseBytes, @DefaultValue("600") int tenantCallsPerMinute,
		@DefaultValue("120") int toolCallsPerMinute, @DefaultValue("50000") int dailyQuota,
		@DefaultValue("16") int tenantConcurrency, @DefaultValue BreakerProperties breaker,
		@DefaultValue RetryProperties retry, @DefaultValue("false") boolean allowLoopback,
		@Nullable Map<String, List<String>> allowedHosts, @Nullable String secretKey,
		@DefaultValue("false") boolean enabledByDefault, @DefaultValue SearchProperties search,
		@DefaultValue UpstreamListenProperties upstreamListen) {

	/**
	 * The sandbox policy these settings describe.
	 * @return the policy
	 */
	public SandboxPolicy sandboxPolicy() {
		return new SandboxPolicy(this.timeoutCap, this.maxResponseBytes, this.tenantCallsPerMinute,
				this.toolCallsPerMinute, this.dailyQuota, this.tenantConcurrency,
				new SandboxPolicy.Breaker(this.breaker.failureRatePercent(), this.breaker.minimumCalls(),
						this.breaker.openDuration()),
				new SandboxPolicy.Retry(this.retry.maxAttempts(), this.retry.pause()));
	}

	/**
	 * The egress policy these settings describe.
	 * @return the policy
	 */
	public EgressPolicy egressPolicy() {
		Map<TenantId, Set<String>> hosts = new HashMap<>();
		if (this.allowedHosts != null) {
			this.allowedHosts.forEach((tenant, allowed) -> hosts.put(TenantId.of(tenant), new HashSet<>(allowed)));
		}
		return new EgressPolicy(hosts, this.allowLoopback);
	}

	/**
	 * The search weights these settings describe.
	 * @return the weights
	 */
	public SearchWeights searchWeights() {
		return new SearchWeights(this.search.lexicalWeight(), this.search.semanticWeight(), this.search.candidatePool(),
				this.search.indexTtl());
	}

	/**
	 * The listen settings these settings describe.
	 * @return the settings
	 */
	public ListenSettings listenSettings() {
		return new ListenSettings(this.upstreamListen.debounce(), this.upstreamListen.pingInterval(),
				this.upstreamListen.reconnectInitial(), this.upstreamListen.reconnectMax());
	}

	/**
	 * Circuit breaker settings.
	 *
	 * @param failureRatePercent the failure rate (1-100) that opens the circuit
	 * @param minimumCalls calls recorded before the rate counts
	 * @param openDuration how long the circuit stays open before a trial call
	 */
	public record BreakerProperties(@DefaultValue("50") int failureRatePercent, @DefaultValue("10") int minimumCalls,
			@DefaultValue("30s") Duration openDuration) {
	}

	/**
	 * Retry settings (pure and idempotent tools only, never after a timeout).
	 *
	 * @param maxAttempts attempts in all, 1-5
	 * @param pause the pause between attempts
	 */
	public record RetryProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration pause) {
	}

	/**
	 * Search settings.
	 *
	 * @param lexicalWeight weight of word matching
	 * @param semanticWeight weight of meaning (embeddings)
	 * @param candidatePool candidates drawn from each ranking before combining
	 * @param indexTtl how long the word index of a tenant is kept without a change
	 */
	public record SearchProperties(@DefaultValue("0.35") double lexicalWeight,
			@DefaultValue("0.65") double semanticWeight, @DefaultValue("50") int candidatePool,
			@DefaultValue("60s") Duration indexTtl) {
	}

	/**
	 * Listening to upstream MCP servers.
	 *
	 * @param enabled whether Ruche keeps a session open to every registered upstream MCP
	 * server and re-syncs it when the server sends {@code tools/list_changed}
	 * @param debounce the wait after a notification before re-syncing (one re-sync per
	 * burst)
	 * @param pingInterval how often an open session is checked
	 * @param reconnectInitial the pause before the first reconnection attempt
	 * @param reconnectMax the longest pause between attempts (doubling up to it)
	 */
	public record UpstreamListenProperties(@DefaultValue("true") boolean enabled,
			@DefaultValue("500ms") Duration debounce, @DefaultValue("30s") Duration pingInterval,
			@DefaultValue("1s") Duration reconnectInitial, @DefaultValue("2m") Duration reconnectMax) {
	}

}
