package io.ruche.brain;

import java.time.Duration;

/**
 * Settings of the turn pipeline shared by every agent (per-agent settings live in
 * {@link io.ruche.brain.model.AgentSettings}).
 *
 * @param turnWait how long a message waits for the turns ahead of it in its session
 * before it is refused as retryable ({@code platform.turns.max-wait})
 * @param temperature the sampling temperature of generation
 * @param maxTokens the most tokens a reply may take
 * @param judge whether lane 2 (the model judge) checks the matched rules without
 * expressions; costs one model call per such rule
 */
public record PipelineSettings(Duration turnWait, double temperature, int maxTokens, boolean judge) {

	public static final PipelineSettings DEFAULTS = new PipelineSettings(Duration.ofSeconds(30), 0.7, 1024, false);

}
