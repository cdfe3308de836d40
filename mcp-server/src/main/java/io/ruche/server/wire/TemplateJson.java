package io.ruche.server.wire;

import java.util.Map;

import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import org.jspecify.annotations.Nullable;

/**
 * A reply template, {@code {text, mode}}, as rules and steps carry it.
 */
final class TemplateJson {

	static final Map<String, Object> SCHEMA = Schemas.object()
		.required("text", Schemas.string("The reply; {{variable}} placeholders"))
		.required("mode", Schemas.enumeration("How it is used", "exclusive", "suggest", "fallback"))
		.build();

	private TemplateJson() {
	}

	static Map<String, Object> write(Template template) {
		return Map.of("text", template.text(), "mode", template.mode().wireName());
	}

	static @Nullable Template read(@Nullable Args template) {
		if (template == null) {
			return null;
		}
		String mode = template.optionalString("mode");
		return InvalidArgumentsException.reading(() -> new Template(template.string("text"),
				TemplateMode.parse((mode != null && !mode.isBlank()) ? mode : "suggest")));
	}

}
