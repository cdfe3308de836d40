package io.ruche.server.config;

import io.ruche.brain.configuration.ContentLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest texts and lists an agent's configuration may hold, under the prefix
 * {@code platform.limits}; checked on every write (MCP, REST, import). See
 * {@code docs/configuration.md}.
 *
 * @param descriptionChars descriptions of agents, scenarios and fields
 * @param textChars rule conditions and actions, entry conditions, step instructions,
 * transition conditions, constraints, setting values
 * @param templateChars template texts and the fallback text
 * @param personaChars an agent's persona
 * @param patternChars a field's pattern
 * @param listItems the items of each list (constraints, tools, relations, steps, fields,
 * transitions, settings)
 */
@ConfigurationProperties("platform.limits")
public record LimitsProperties(@DefaultValue("2000") int descriptionChars, @DefaultValue("4000") int textChars,
		@DefaultValue("8000") int templateChars, @DefaultValue("16000") int personaChars,
		@DefaultValue("500") int patternChars, @DefaultValue("100") int listItems) {

	/**
	 * The limits these settings describe.
	 * @return the limits
	 */
	public ContentLimits contentLimits() {
		return new ContentLimits(this.descriptionChars, this.textChars, this.templateChars, this.personaChars,
				this.patternChars, this.listItems);
	}

}
