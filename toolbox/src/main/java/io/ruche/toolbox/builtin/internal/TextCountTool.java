package io.ruche.toolbox.builtin.internal;

import java.util.List;
import java.util.Map;

import io.ruche.toolbox.builtin.BuiltinTool;

/** {@code text.count}: counts the characters, words and lines of a text. */
public final class TextCountTool implements BuiltinTool {

	@Override
	public String name() {
		return "text.count";
	}

	@Override
	public String description() {
		return "Count the characters, words and lines of a text";
	}

	@Override
	public Map<String, Object> inputSchema() {
		return Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")), "required",
				List.of("text"));
	}

	@Override
	public Object call(Map<String, Object> arguments) {
		String text = String.valueOf(arguments.get("text"));
		String trimmed = text.strip();
		int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
		long lines = text.isEmpty() ? 0 : text.lines().count();
		return Map.of("characters", text.codePointCount(0, text.length()), "words", words, "lines", lines);
	}

}
