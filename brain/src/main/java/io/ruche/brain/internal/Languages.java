package io.ruche.brain.internal;

/**
 * Guesses a message's language from its script (docs/brain.md, phase 2); Latin script
 * gives the default.
 */
final class Languages {

	private Languages() {
	}

	static String byScript(String text, String fallback) {
		// Kana marks Japanese even when Han characters come first.
		if (text.codePoints().anyMatch((cp) -> {
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
		})) {
			return "ja";
		}
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			String language = switch (Character.UnicodeScript.of(cp)) {
				case HAN -> "zh";
				case HIRAGANA, KATAKANA -> "ja";
				case HANGUL -> "ko";
				case ARABIC -> "ar";
				case CYRILLIC -> "ru";
				case HEBREW -> "he";
				case THAI -> "th";
				case DEVANAGARI -> "hi";
				case GREEK -> "el";
				default -> null;
			};
			if (language != null) {
				return language;
			}
		}
		return fallback;
	}

}
