package io.ruche.adapters;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Runs the {@code pattern}s and {@code patternProperties} of tool schemas on RE2/J, whose
 * matching time is linear in the input: the JDK engine networknt uses by default
 * backtracked for over 80 s on {@code ^((a+)+)+$} and 31 characters.
 */
final class Re2jRegularExpressionFactory implements RegularExpressionFactory {

	@Override
	public RegularExpression getRegularExpression(String regex) {
		Pattern pattern = SchemaPrecheck.compile(regex);
		// a JSON Schema pattern is not anchored: it matches anywhere in the value
		return (value) -> pattern.matcher(value).find();
	}

}
