package io.ruche.brain.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;

/**
 * Fills the fields of the active step that have no pattern from the message with one
 * model call. The model sees the message and the fields' names and descriptions only,
 * never a stored value.
 */
final class ModelFieldExtraction {

	private static final Pattern LINE = Pattern.compile("(?m)^\\s*-?\\s*([a-z_][a-z0-9_]*)\\s*[=:]\\s*(.+?)\\s*$");

	private static final String SYSTEM = """
			You extract data from a customer's message. For each listed field the message gives, answer one \
			line "name=value" with the value exactly as the customer wrote it. Leave out fields the message does \
			not give. Answer nothing else.""";

	private ModelFieldExtraction() {
	}

	static Map<String, String> extract(LanguageModel model, String message, List<FieldSpec> fields) {
		StringBuilder prompt = new StringBuilder("Fields:\n");
		fields.forEach((f) -> prompt.append("- ").append(f.name()).append(": ").append(f.description()).append('\n'));
		prompt.append("\nMessage: ").append(message);
		String reply = model.generate(new ModelRequest(SYSTEM, List.of(ModelMessage.user(prompt.toString())), 0.0, 200))
			.text();
		Set<String> wanted = fields.stream().map(FieldSpec::name).collect(Collectors.toSet());
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = LINE.matcher(reply);
		while (matcher.find()) {
			String value = matcher.group(2).strip();
			if (wanted.contains(matcher.group(1)) && !value.isEmpty() && !value.equalsIgnoreCase("unknown")) {
				values.putIfAbsent(matcher.group(1), value);
			}
		}
		return values;
	}

}
