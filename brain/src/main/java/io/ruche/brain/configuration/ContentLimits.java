package io.ruche.brain.configuration;

/**
 * The largest texts and lists an agent's configuration may hold, checked whenever it is
 * written (MCP tools, the REST API, import), so that no edge stores what another would
 * refuse. Names and step names are 1-100 characters by their own rule; field names 50.
 *
 * @param descriptionChars descriptions of agents, scenarios and fields
 * @param textChars rule conditions and actions, scenario entry conditions, step
 * instructions, transition conditions, exit conditions, constraints and setting values
 * @param templateChars template texts and the agent's fallback text
 * @param personaChars the agent's persona (its system prompt)
 * @param patternChars a field's pattern
 * @param listItems the items of each list: constraints, tools, relations, steps, fields,
 * transitions, exit conditions, settings
 */
public record ContentLimits(int descriptionChars, int textChars, int templateChars, int personaChars, int patternChars,
		int listItems) {

	public ContentLimits {
		if (descriptionChars < 1 || textChars < 1 || templateChars < 1 || personaChars < 1 || patternChars < 1
				|| listItems < 1) {
			throw new IllegalArgumentException("content limits must be positive");
		}
	}

}
