package io.ruche.brain.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.ruche.brain.model.FieldSpec;
import io.ruche.kernel.regex.LinearRegex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills fields deterministically from a message with their patterns: the pattern's one
 * group is the value, or the whole match when it has no group. Patterns run on a
 * linear-time engine ({@link LinearRegex}), so no pattern makes a turn slow whatever the
 * message.
 */
public final class FieldExtraction {

	private static final Logger log = LoggerFactory.getLogger(FieldExtraction.class);

	private static final int MAX_CACHED = 10_000;

	private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

	private FieldExtraction() {
	}

	/**
	 * Checks a field's pattern as a scenario is written.
	 * @param field the field
	 * @return what is wrong with its pattern, naming the field; empty when it has none or
	 * it is usable
	 */
	public static Optional<String> problem(FieldSpec field) {
		String source = field.pattern();
		if (source == null) {
			return Optional.empty();
		}
		try {
			int groups = LinearRegex.compile(source).groupCount();
			return (groups > 1)
					? Optional.of("field '" + field.name() + "': pattern must have at most one group, has " + groups)
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("field '" + field.name() + "': pattern " + ex.getMessage());
		}
	}

	/**
	 * Extracts the fields whose pattern matches the message.
	 * @param fields the fields; those without a usable pattern are ignored
	 * @param message the message
	 * @return the values found by field name, in field order; never null
	 */
	public static Map<String, String> extract(List<FieldSpec> fields, String message) {
		Map<String, String> found = new LinkedHashMap<>();
		for (FieldSpec field : fields) {
			String source = field.pattern();
			Pattern pattern = (source != null) ? compiled(field.name(), source).orElse(null) : null;
			if (pattern == null) {
				continue;
			}
			Matcher matcher = pattern.matcher(message);
			if (matcher.find()) {
				String value = (matcher.groupCount() >= 1) ? matcher.group(1) : matcher.group();
				if (value != null && !value.isBlank()) {
					found.put(field.name(), value.strip());
				}
			}
		}
		return found;
	}

	private static Optional<Pattern> compiled(String field, String source) {
		Optional<Pattern> cached = PATTERNS.get(source);
		if (cached != null) {
			return cached;
		}
		if (PATTERNS.size() >= MAX_CACHED) {
			PATTERNS.clear();
		}
		Optional<Pattern> fresh;
		try {
			fresh = Optional.of(LinearRegex.compile(source));
		}
		catch (IllegalArgumentException ex) {
			// stored before patterns were checked for the linear-time engine
			log.warn("Field '{}' is not filled from messages: its pattern {}", field, ex.getMessage());
			fresh = Optional.empty();
		}
		PATTERNS.put(source, fresh);
		return fresh;
	}

}
