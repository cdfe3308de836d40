package io.ruche.toolbox.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits names and text into lowercase, lightly stemmed terms. */
final class Tokenizer {

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
			"how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "the", "this", "to", "what", "with");

	private Tokenizer() {
	}

	static List<String> terms(String text) {
		// split camelCase before lowering: getWeather -> get Weather
		String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		List<String> terms = new ArrayList<>();
		for (String word : spaced.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
				terms.add(stem(word));
			}
		}
		return terms;
	}

	// crude plural and -ing folding: enough for "forecasts"/"forecast", "sending"/"send"
	private static String stem(String word) {
		if (word.length() > 5 && word.endsWith("ing")) {
			return word.substring(0, word.length() - 3);
		}
		if (word.length() > 4 && word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

}
