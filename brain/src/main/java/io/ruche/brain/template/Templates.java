package io.ruche.brain.template;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders template text. The only placeholder syntax is {@code {{name}}} (spaces inside
 * the braces allowed), where name is a session variable or an interlocutor field
 * ({@code [A-Za-z_][A-Za-z0-9_]*}), or a dotted path such as
 * {@code tools.lookup.order.status} (a tool's output in the same turn); a session
 * variable wins over a profile field of the same name. An unknown placeholder renders as
 * the empty string, always, so that a reply never shows raw braces. Single braces are
 * plain text.
 */
public final class Templates {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_-]+)*)\\s*}}");

	private Templates() {
	}

	/**
	 * Renders a text.
	 * @param text the template text
	 * @param values the values by placeholder name
	 * @return the rendered text, never null
	 */
	public static String render(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			String value = values.getOrDefault(matcher.group(1), "");
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * Lists the placeholder names of a text, for validation at upsert time.
	 * @param text the template text
	 * @return the names, in order of first use
	 */
	public static Set<String> placeholders(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * The values placeholders see: interlocutor fields overridden by session variables.
	 * @param variables the session variables
	 * @param interlocutor the interlocutor fields
	 * @return the merged values
	 */
	public static Map<String, String> values(Map<String, String> variables, Map<String, String> interlocutor) {
		Map<String, String> merged = new HashMap<>(interlocutor);
		merged.putAll(variables);
		return merged;
	}

}
