package io.ruche.server.brain;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds one Spring AI chat model per configured provider, wrapped as the brain's model
 * port. Spring AI's own auto-configurations stay off, so that no key is needed to start
 * and several providers can form a chain.
 */
public final class ChatModels {

	private ChatModels() {
	}

	/**
	 * Builds a provider.
	 * @param provider {@code openai} (any OpenAI-compatible API) or {@code anthropic}
	 * @param baseUrl the base URL, or null for the provider's default
	 * @param apiKey the key, or null
	 * @param name the model, or null for the provider's default
	 * @param timeout the longest one call may take
	 * @param maxRetries HTTP retries on transient errors
	 * @param meters where Spring AI records its observations, or null
	 * @return the model
	 * @throws IllegalArgumentException naming the supported providers
	 */
	public static SpringAiLanguageModel create(String provider, @Nullable String baseUrl, @Nullable String apiKey,
			@Nullable String name, Duration timeout, int maxRetries, @Nullable MeterRegistry meters) {
		return switch (provider.strip().toLowerCase(Locale.ROOT)) {
			case "openai" -> openAi(baseUrl, apiKey, name, timeout, maxRetries, meters);
			case "anthropic" -> anthropic(baseUrl, apiKey, name, timeout, maxRetries, meters);
			default -> throw new IllegalArgumentException(
					"unknown model provider '" + provider + "': use openai (any OpenAI-compatible API) or anthropic");
		};
	}

	private static SpringAiLanguageModel openAi(@Nullable String baseUrl, @Nullable String apiKey,
			@Nullable String name, Duration timeout, int maxRetries, @Nullable MeterRegistry meters) {
		String model = present(name) ? name : OpenAiChatOptions.DEFAULT_CHAT_MODEL;
		OpenAiChatOptions.Builder defaults = OpenAiChatOptions.builder()
			.model(model)
			.timeout(timeout)
			.maxRetries(maxRetries)
			// OpenAI-compatible servers without authentication still need a header value
			.apiKey(present(apiKey) ? apiKey : "none");
		if (present(baseUrl)) {
			defaults.baseUrl(baseUrl);
		}
		OpenAiChatModel.Builder chat = OpenAiChatModel.builder().options(defaults.build());
		if (meters != null) {
			chat.meterRegistry(meters);
		}
		return new SpringAiLanguageModel(chat.build(),
				(temperature, maxTokens) -> OpenAiChatOptions.builder()
					.model(model)
					.temperature(temperature)
					.maxTokens(maxTokens)
					.build(),
				timeout, SpringAiLanguageModel.defaultBreaker());
	}

	private static SpringAiLanguageModel anthropic(@Nullable String baseUrl, @Nullable String apiKey,
			@Nullable String name, Duration timeout, int maxRetries, @Nullable MeterRegistry meters) {
		String model = present(name) ? name : AnthropicChatOptions.DEFAULT_MODEL;
		AnthropicChatOptions.Builder defaults = AnthropicChatOptions.builder()
			.model(model)
			.timeout(timeout)
			.maxRetries(maxRetries)
			.apiKey(present(apiKey) ? apiKey : "none");
		if (present(baseUrl)) {
			defaults.baseUrl(baseUrl);
		}
		AnthropicChatModel.Builder chat = AnthropicChatModel.builder().options(defaults.build());
		if (meters != null) {
			chat.meterRegistry(meters);
		}
		return new SpringAiLanguageModel(chat.build(),
				(temperature, maxTokens) -> AnthropicChatOptions.builder()
					.model(model)
					.temperature(temperature)
					.maxTokens(maxTokens)
					.build(),
				timeout, SpringAiLanguageModel.defaultBreaker());
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
