package io.ruche.brain;

import java.time.Duration;

/**
 * Settings of the turn pipeline shared by every agent (per-agent settings live in
 * {@link io.ruche.brain.model.AgentSettings}).
 *
 * @param lockWait how long a turn waits for another turn of the same session
 * @param temperature the sampling temperature of generation
 * @param maxTokens the most tokens a reply may take
 * @param judge whether lane 2 (the model judge) checks the matched rules without
 * expressions; costs one model call per such rule
 */
public record PipelineSettings(Duration lockWait, double temperature, int maxTokens, boolean judge) {

	public static final PipelineSettings DEFAULTS = new PipelineSettings(Duration.ofSeconds(10), 0.7, 1024, false);

}
