package io.ruche.brain.template;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTests {

	@Test
	void replacesDoubleBracePlaceholders() {
		String text = Templates.render("Hello {{name}}, order {{ order_number }} is on its way.",
				Map.of("name", "Ada", "order_number", "123456"));

		assertThat(text).isEqualTo("Hello Ada, order 123456 is on its way.");
	}

	@Test
	void rendersUnknownPlaceholdersEmptyAndLeavesSingleBracesAlone() {
		String text = Templates.render("Hi {{nobody}}! {literal} $1", Map.of());

		assertThat(text).isEqualTo("Hi ! {literal} $1");
	}

	@Test
	void sessionVariablesWinOverProfileFields() {
		Map<String, String> values = Templates.values(Map.of("name", "Session Ada"),
				Map.of("name", "Profile Ada", "tier", "gold"));

		assertThat(Templates.render("{{name}} {{tier}}", values)).isEqualTo("Session Ada gold");
	}

	@Test
	void listsPlaceholders() {
		assertThat(Templates.placeholders("{{a}} {{b}} {{a}}")).containsExactly("a", "b");
	}

}
