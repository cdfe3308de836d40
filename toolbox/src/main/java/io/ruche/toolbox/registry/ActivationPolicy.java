package io.ruche.toolbox.registry;

import java.util.List;

import io.ruche.toolbox.model.ToolActivation;

/**
 * Whether a tool without an activation is usable by an agent.
 *
 * @param enabledByDefault true: every catalog tool is usable unless disabled for the
 * agent (the predecessor's rule); false (the default, safer): only tools enabled for the
 * agent
 */
public record ActivationPolicy(boolean enabledByDefault) {

	/** Opt-in: an agent uses only the tools enabled for it. */
	public static final ActivationPolicy OPT_IN = new ActivationPolicy(false);

	/**
	 * Decides whether an agent may use a tool.
	 * @param activations the agent's activations
	 * @param toolName the tool
	 * @return true when the tool is enabled for the agent
	 */
	public boolean isEnabled(List<ToolActivation> activations, String toolName) {
		for (ToolActivation activation : activations) {
			if (activation.toolName().equals(toolName)) {
				return activation.enabled();
			}
		}
		return this.enabledByDefault;
	}

}
