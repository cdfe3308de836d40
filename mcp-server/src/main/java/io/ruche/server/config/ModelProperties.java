package io.ruche.server.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured model providers, under the prefix {@code platform.model}. With the
 * provider {@code none} (the default) Ruche replies through MCP sampling or templates.
 *
 * @param provider {@code none}, {@code openai} (any OpenAI-compatible API: OpenAI, Ollama
 * at {@code http://host:11434/v1}, vLLM, ...) or {@code anthropic}
 * ({@code RUCHE_MODEL_PROVIDER})
 * @param baseUrl the API base URL; for {@code openai} it includes {@code /v1}
 * ({@code RUCHE_MODEL_BASE_URL})
 * @param apiKey the API key ({@code RUCHE_MODEL_API_KEY})
 * @param name the model name ({@code RUCHE_MODEL_NAME})
 * @param timeout the longest one model call may take ({@code RUCHE_MODEL_TIMEOUT})
 * @param maxRetries retries of the HTTP client on transient errors
 * @param temperature the sampling temperature of replies
 * @param maxTokens the most tokens of a reply
 * @param fallbacks further providers tried in order when the one before fails
 * ({@code platform.model.fallbacks[0].provider}, ...)
 * @param judge whether the model judges each reply against the actions of the matched
 * rules that have no CEL constraint (lane 2; one call per such rule and draft;
 * {@code RUCHE_MODEL_JUDGE}, default off)
 */
@ConfigurationProperties("platform.model")
public record ModelProperties(@DefaultValue("none") String provider, @Nullable String baseUrl, @Nullable String apiKey,
		@Nullable String name, @DefaultValue("30s") Duration timeout, @DefaultValue("0") int maxRetries,
		@DefaultValue("0.7") double temperature, @DefaultValue("1024") int maxTokens,
		@DefaultValue List<Endpoint> fallbacks, @DefaultValue("false") boolean judge) {

	/**
	 * The providers to try, in order: the primary one, then the fallbacks.
	 * @return the chain
	 */
	public List<Endpoint> chain() {
		List<Endpoint> chain = new ArrayList<>();
		chain.add(new Endpoint(this.provider, this.baseUrl, this.apiKey, this.name));
		chain.addAll(this.fallbacks);
		return chain;
	}

	/**
	 * One model provider.
	 *
	 * @param provider {@code openai} or {@code anthropic}
	 * @param baseUrl the API base URL, or null for the provider's default
	 * @param apiKey the API key, or null
	 * @param name the model name, or null for the provider's default
	 */
	public record Endpoint(String provider, @Nullable String baseUrl, @Nullable String apiKey, @Nullable String name) {
	}

}
