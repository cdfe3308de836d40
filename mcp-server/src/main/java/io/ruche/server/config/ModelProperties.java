package io.ruche.server.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured model provider, under the prefix {@code platform.model}. With the
 * provider {@code none} (the default) Ruche replies through MCP sampling or templates.
 *
 * @param provider {@code none} or {@code openai} (any OpenAI-compatible API)
 * ({@code RUCHE_MODEL_PROVIDER})
 * @param baseUrl the API base URL, including {@code /v1} ({@code RUCHE_MODEL_BASE_URL})
 * @param apiKey the API key ({@code RUCHE_MODEL_API_KEY})
 * @param name the model name ({@code RUCHE_MODEL_NAME})
 * @param timeout the longest one model call may take ({@code RUCHE_MODEL_TIMEOUT})
 * @param maxRetries retries of the HTTP client on transient errors
 * @param temperature the sampling temperature of replies
 * @param maxTokens the most tokens of a reply
 */
@ConfigurationProperties("platform.model")
public record ModelProperties(@DefaultValue("none") String provider, @Nullable String baseUrl, @Nullable String apiKey,
		@Nullable String name, @DefaultValue("30s") Duration timeout, @DefaultValue("0") int maxRetries,
		@DefaultValue("0.7") double temperature, @DefaultValue("1024") int maxTokens) {

	public boolean openAi() {
		return "openai".equalsIgnoreCase(this.provider.strip());
	}

}
