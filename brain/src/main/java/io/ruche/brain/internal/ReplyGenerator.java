package io.ruche.brain.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.ruche.brain.PipelineSettings;
import io.ruche.brain.ReplyMode;
import io.ruche.brain.ReplySampler;
import io.ruche.brain.enforce.Regenerator;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.port.ModelUnavailableException;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.template.Templates;
import org.jspecify.annotations.Nullable;

/**
 * Makes the first draft of a reply, in the contract's order: a matched EXCLUSIVE template
 * (no model), the configured model, the client's model through sampling, a matched
 * FALLBACK template; otherwise nothing.
 */
final class ReplyGenerator {

	sealed interface Draft {

		record Made(String text, ReplyMode mode, Regenerator regenerator) implements Draft {
		}

		record None(String message) implements Draft {
		}

	}

	static final String NO_MODEL = "no model is available to reply: configure a model provider, "
			+ "connect with an MCP client that supports sampling, or give a matching rule an exclusive template";

	private final @Nullable LanguageModel model;

	private final TurnStore turns;

	private final TurnMetrics metrics;

	private final PipelineSettings settings;

	ReplyGenerator(@Nullable LanguageModel model, TurnStore turns, TurnMetrics metrics, PipelineSettings settings) {
		this.model = model;
		this.turns = turns;
		this.metrics = metrics;
		this.settings = settings;
	}

	Draft generate(TurnState t, @Nullable ReplySampler sampler, Map<String, Object> decisions) {
		Map<String, String> values = Templates.values(t.variables, t.interlocutor.fields());
		Template exclusive = template(t.matchedRules(), TemplateMode.EXCLUSIVE);
		if (exclusive != null) {
			decisions.put("source", "exclusive template");
			return new Draft.Made(Templates.render(exclusive.text(), values), ReplyMode.TEMPLATE, Regenerator.NONE);
		}
		if (this.model != null || sampler != null) {
			String system = Prompts.instructions(t);
			List<ModelMessage> messages = Prompts.messages(this.turns.turns(t.session.tenant(), t.session.id()),
					t.message);
			LanguageModel configured = this.model;
			if (configured != null) {
				Draft draft = call(t, ReplyMode.LLM, configured::generate, system, messages, decisions);
				if (draft != null) {
					return draft;
				}
			}
			if (sampler != null) {
				Draft draft = call(t, ReplyMode.SAMPLING, sampler::sample, system, messages, decisions);
				if (draft != null) {
					return draft;
				}
			}
		}
		Template fallback = template(t.matchedRules(), TemplateMode.FALLBACK);
		if (fallback != null) {
			decisions.put("source", "fallback template");
			return new Draft.Made(Templates.render(fallback.text(), values), ReplyMode.FALLBACK, Regenerator.NONE);
		}
		decisions.put("source", "none");
		return new Draft.None(NO_MODEL);
	}

	private Draft.@Nullable Made call(TurnState t, ReplyMode mode, Function<ModelRequest, ModelReply> backend,
			String system, List<ModelMessage> messages, Map<String, Object> decisions) {
		try {
			String text = invoke(t, mode, false, backend,
					new ModelRequest(system, messages, this.settings.temperature(), this.settings.maxTokens()));
			decisions.put("source", mode.wireName());
			Regenerator regenerator = (violations, attempt) -> {
				try {
					return invoke(t, mode, true, backend, new ModelRequest(Prompts.withViolations(system, violations),
							messages, this.settings.temperature(), this.settings.maxTokens()));
				}
				catch (ModelUnavailableException ex) {
					return null;
				}
			};
			return new Draft.Made(text, mode, regenerator);
		}
		catch (ModelUnavailableException ex) {
			decisions.put(mode.wireName() + "_error", String.valueOf(ex.getMessage()));
			return null;
		}
	}

	// Every call, first draft or regeneration, is counted here once (the turn's
	// model_calls and the ruche.llm.calls counter).
	private String invoke(TurnState t, ReplyMode mode, boolean regeneration, Function<ModelRequest, ModelReply> backend,
			ModelRequest request) {
		long start = System.nanoTime();
		t.modelCalls++;
		ModelReply reply = backend.apply(request);
		String purpose = (mode != ReplyMode.LLM) ? "sampling" : regeneration ? "regeneration" : "generation";
		this.metrics.modelCall(purpose, System.nanoTime() - start, reply.inputTokens(), reply.outputTokens());
		if (reply.text().isBlank()) {
			throw new ModelUnavailableException("the model returned an empty reply");
		}
		return reply.text().strip();
	}

	// The first template of that mode among the matched rules, best match first.
	static @Nullable Template template(List<Rule> matched, TemplateMode mode) {
		for (Rule rule : matched) {
			Template template = rule.content().template();
			if (template != null && template.mode() == mode) {
				return template;
			}
		}
		return null;
	}

}
