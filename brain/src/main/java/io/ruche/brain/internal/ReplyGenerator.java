package io.ruche.brain.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.ruche.brain.PipelineSettings;
import io.ruche.brain.ReplyMode;
import io.ruche.brain.ReplySampler;
import io.ruche.brain.enforce.Regenerator;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.ScenarioStep;
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
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * Makes the first draft of a reply, in the contract's order: a kept rule's EXCLUSIVE
 * template (no model), the configured model, the client's model through sampling; then,
 * when no model answered, the active step's template, a kept rule's SUGGEST template, a
 * kept rule's FALLBACK template, the agent's fallback text; otherwise nothing.
 */
final class ReplyGenerator {

	/** Kept rules in the documented order: higher priority first, then higher score. */
	static final Comparator<Scored<Rule>> BY_PRIORITY_THEN_SCORE = Comparator
		.<Scored<Rule>>comparingInt((scored) -> scored.item().priority())
		.thenComparingDouble(Scored::score);

	sealed interface Draft {

		record Made(String text, ReplyMode mode, Regenerator regenerator) implements Draft {
		}

		record None(String message) implements Draft {
		}

	}

	static final String NO_MODEL = "no model is available to reply: configure a model provider, "
			+ "connect with an MCP client that supports sampling, or give a matching rule an exclusive template";

	private final TurnStore turns;

	private final TurnMetrics metrics;

	private final PipelineSettings settings;

	ReplyGenerator(TurnStore turns, TurnMetrics metrics, PipelineSettings settings) {
		this.turns = turns;
		this.metrics = metrics;
		this.settings = settings;
	}

	Draft generate(TurnState turn, @Nullable ReplySampler sampler, Map<String, Object> decisions) {
		Map<String, String> values = turn.templateValues();
		Scored<Rule> exclusive = exclusiveRule(turn.matched);
		if (exclusive != null) {
			return fromTemplate(exclusive.item().content().template(), ReplyMode.TEMPLATE, "exclusive template",
					exclusive.item(), values, decisions);
		}
		LanguageModel configured = turn.model;
		if (configured != null || sampler != null) {
			String system = Prompts.instructions(turn);
			List<ModelMessage> messages = Prompts.messages(this.turns.turns(turn.session.tenant(), turn.session.id()),
					turn.message);
			if (configured != null) {
				Draft draft = call(turn, ReplyMode.LLM, PersonalValues.masking(turn, configured)::generate, system,
						messages, decisions);
				if (draft != null) {
					return draft;
				}
			}
			if (sampler != null) {
				Draft draft = call(turn, ReplyMode.SAMPLING,
						(request) -> sampler.sample(PersonalValues.of(turn, true).mask(request)), system, messages,
						decisions);
				if (draft != null) {
					return draft;
				}
			}
		}
		return withoutModel(turn, values, decisions);
	}

	// No model could answer: the step's own template, then a suggested wording, then a
	// fallback; the error is left for an agent that has none of these.
	private static Draft withoutModel(TurnState turn, Map<String, String> values, Map<String, Object> decisions) {
		ScenarioStep step = turn.activeStep();
		Template stepTemplate = (step != null) ? step.template() : null;
		if (stepTemplate != null) {
			return fromTemplate(stepTemplate, ReplyMode.TEMPLATE, "step template", null, values, decisions);
		}
		Rule suggest = firstWith(turn.matchedRules(), TemplateMode.SUGGEST);
		if (suggest != null) {
			return fromTemplate(suggest.content().template(), ReplyMode.TEMPLATE, "suggest template", suggest, values,
					decisions);
		}
		Rule fallback = firstWith(turn.matchedRules(), TemplateMode.FALLBACK);
		if (fallback != null) {
			return fromTemplate(fallback.content().template(), ReplyMode.FALLBACK, "fallback template", fallback,
					values, decisions);
		}
		String fallbackText = turn.snapshot.agent().settings().fallbackText();
		if (fallbackText != null && !fallbackText.isBlank()) {
			decisions.put("source", "fallback text");
			return new Draft.Made(Templates.render(fallbackText, values), ReplyMode.FALLBACK, Regenerator.NONE);
		}
		decisions.put("source", "none");
		return new Draft.None(NO_MODEL);
	}

	private static Draft fromTemplate(@Nullable Template template, ReplyMode mode, String source, @Nullable Rule rule,
			Map<String, String> values, Map<String, Object> decisions) {
		decisions.put("source", source);
		if (rule != null) {
			decisions.put("rule", Map.of("id", rule.id(), "name", rule.name(), "priority", rule.priority()));
		}
		return new Draft.Made(Templates.render(String.valueOf((template != null) ? template.text() : ""), values), mode,
				Regenerator.NONE);
	}

	private Draft.@Nullable Made call(TurnState turn, ReplyMode mode, Function<ModelRequest, ModelReply> backend,
			String system, List<ModelMessage> messages, Map<String, Object> decisions) {
		try {
			String text = invoke(turn, mode, false, backend,
					new ModelRequest(system, messages, this.settings.temperature(), this.settings.maxTokens()));
			decisions.put("source", mode.wireName());
			Regenerator regenerator = (violations, attempt) -> {
				try {
					return invoke(turn, mode, true, backend,
							new ModelRequest(Prompts.withViolations(system, violations), messages,
									this.settings.temperature(), this.settings.maxTokens()));
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
	private String invoke(TurnState turn, ReplyMode mode, boolean regeneration,
			Function<ModelRequest, ModelReply> backend, ModelRequest request) {
		long start = System.nanoTime();
		turn.modelCalls++;
		ModelReply reply = backend.apply(request);
		if (mode == ReplyMode.SAMPLING) {
			turn.sampled(reply);
		}
		String purpose = (mode != ReplyMode.LLM) ? "sampling" : regeneration ? "regeneration" : "generation";
		this.metrics.modelCall(purpose, System.nanoTime() - start, reply.inputTokens(), reply.outputTokens());
		if (reply.text().isBlank()) {
			throw new ModelUnavailableException("the model returned an empty reply");
		}
		return reply.text().strip();
	}

	/**
	 * The kept rule whose EXCLUSIVE template is the reply: the highest priority, ties
	 * broken by the higher score.
	 */
	static @Nullable Scored<Rule> exclusiveRule(List<Scored<Rule>> matched) {
		return matched.stream()
			.filter((scored) -> hasTemplate(scored.item(), TemplateMode.EXCLUSIVE))
			.max(BY_PRIORITY_THEN_SCORE)
			.orElse(null);
	}

	// The first kept rule with a template of that mode, in the kept order (priority, then
	// score).
	static @Nullable Rule firstWith(List<Rule> matched, TemplateMode mode) {
		return matched.stream().filter((rule) -> hasTemplate(rule, mode)).findFirst().orElse(null);
	}

	private static boolean hasTemplate(Rule rule, TemplateMode mode) {
		Template template = rule.content().template();
		return template != null && template.mode() == mode;
	}

}
