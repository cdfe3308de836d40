package io.ruche.server.brain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.port.ModelUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Adapts a Spring AI {@link ChatModel} to the brain's {@link LanguageModel} port, behind
 * a Resilience4j time limiter and circuit breaker. Every failure (provider error,
 * malformed answer, timeout, open circuit) becomes a {@link ModelUnavailableException},
 * so the pipeline falls back to sampling or a template.
 */
public final class SpringAiLanguageModel implements LanguageModel, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SpringAiLanguageModel.class);

	private final ChatModel chat;

	private final OptionsFactory options;

	private final CircuitBreaker breaker;

	private final TimeLimiter limiter;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * @param chat the Spring AI chat model
	 * @param options builds the options of one call from its temperature and token limit
	 * @param timeout the longest a call may take
	 * @param breakerConfig the circuit breaker settings
	 */
	public SpringAiLanguageModel(ChatModel chat, OptionsFactory options, Duration timeout,
			CircuitBreakerConfig breakerConfig) {
		this.chat = chat;
		this.options = options;
		this.breaker = CircuitBreaker.of("ruche-model", breakerConfig);
		this.limiter = TimeLimiter.of("ruche-model",
				TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
	}

	/**
	 * The default circuit breaker: opens after half of at least 4 of the last 10 calls
	 * failed or timed out, retries after 30 seconds.
	 * @return the settings
	 */
	public static CircuitBreakerConfig defaultBreaker() {
		return CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.permittedNumberOfCallsInHalfOpenState(2)
			.build();
	}

	public CircuitBreaker circuitBreaker() {
		return this.breaker;
	}

	@Override
	public ModelReply generate(ModelRequest request) {
		Prompt prompt = new Prompt(messages(request), this.options.create(request.temperature(), request.maxTokens()));
		try {
			return this.breaker.executeCallable(() -> this.limiter
				.executeFutureSupplier(() -> CompletableFuture.supplyAsync(() -> call(prompt), this.executor)));
		}
		catch (CallNotPermittedException ex) {
			log.warn("Model call refused: the circuit breaker is open");
			throw new ModelUnavailableException("the model is unavailable (circuit open after repeated failures)", ex);
		}
		catch (TimeoutException ex) {
			log.warn("Model call timed out");
			throw new ModelUnavailableException("the model did not answer in time", ex);
		}
		catch (ModelUnavailableException ex) {
			throw ex;
		}
		catch (Exception ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof ModelUnavailableException unavailable) {
				throw unavailable;
			}
			log.warn("Model call failed: {}", describe(cause));
			throw new ModelUnavailableException("the model failed: " + describe(cause), cause);
		}
	}

	private ModelReply call(Prompt prompt) {
		ChatResponse response = this.chat.call(prompt);
		if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
			throw new ModelUnavailableException("the model returned no completion");
		}
		String text = response.getResult().getOutput().getText();
		if (text == null || text.isBlank()) {
			throw new ModelUnavailableException("the model returned an empty completion");
		}
		Usage usage = (response.getMetadata() != null) ? response.getMetadata().getUsage() : null;
		return new ModelReply(text, tokens((usage != null) ? usage.getPromptTokens() : null),
				tokens((usage != null) ? usage.getCompletionTokens() : null));
	}

	private static List<Message> messages(ModelRequest request) {
		List<Message> messages = new ArrayList<>();
		if (!request.system().isBlank()) {
			messages.add(new SystemMessage(request.system()));
		}
		for (ModelMessage message : request.messages()) {
			messages.add("assistant".equals(message.role()) ? new AssistantMessage(message.content())
					: new UserMessage(message.content()));
		}
		return messages;
	}

	private static int tokens(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * Builds the provider's options of one call.
	 */
	@FunctionalInterface
	public interface OptionsFactory {

		ChatOptions create(double temperature, int maxTokens);

	}

}
