package io.ruche.brain.model;

/**
 * Fixed reply text with {@code {{variable}}} placeholders.
 *
 * @param text the text
 * @param mode how it is used
 */
public record Template(String text, TemplateMode mode) {

	public Template {
		if (text.isBlank()) {
			throw new IllegalArgumentException("template text must not be blank");
		}
	}

}
