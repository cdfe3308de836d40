package io.ruche.stores.jdbc;

import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a reply {@link Template}, inside rule and scenario bodies.
 *
 * @param text the template text
 * @param mode the name of its {@link TemplateMode}
 */
record TemplateBody(String text, String mode) {

	static @Nullable TemplateBody of(@Nullable Template template) {
		return (template != null) ? new TemplateBody(template.text(), template.mode().name()) : null;
	}

	static @Nullable Template toTemplate(@Nullable TemplateBody body) {
		return (body != null) ? new Template(body.text(), TemplateMode.valueOf(body.mode())) : null;
	}

}
