package io.ruche.brain.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.model.FieldSpec;

/**
 * Fills fields deterministically from a message with their patterns: the pattern's one
 * group is the value, or the whole match when it has no group.
 */
public final class FieldExtraction {

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private FieldExtraction() {
	}

	/**
	 * Extracts the fields whose pattern matches the message.
	 * @param fields the fields; those without a pattern are ignored
	 * @param message the message
	 * @return the values found by field name, in field order; never null
	 */
	public static Map<String, String> extract(List<FieldSpec> fields, String message) {
		Map<String, String> found = new LinkedHashMap<>();
		for (FieldSpec field : fields) {
			String source = field.pattern();
			if (source == null) {
				continue;
			}
			Matcher matcher = PATTERNS.computeIfAbsent(source, Pattern::compile).matcher(message);
			if (matcher.find()) {
				String value = (matcher.groupCount() >= 1) ? matcher.group(1) : matcher.group();
				if (value != null && !value.isBlank()) {
					found.put(field.name(), value.strip());
				}
			}
		}
		return found;
	}

}
