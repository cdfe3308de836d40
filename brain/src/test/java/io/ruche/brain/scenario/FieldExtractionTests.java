package io.ruche.brain.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.FieldSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FieldExtractionTests {

	@Test
	void extractsTheGroupOrTheWholeMatch() {
		List<FieldSpec> fields = List.of(new FieldSpec("order", "", "order ([0-9]{6})", true, false),
				new FieldSpec("email", "", "[a-z]+@[a-z]+\\.[a-z]{2,}", false, false));

		Map<String, String> found = FieldExtraction.extract(fields, "my order 123456, write to ann@shop.fr");

		assertThat(found).containsEntry("order", "123456").containsEntry("email", "ann@shop.fr");
	}

	// ISSUE-9 hole 4a: this pattern and message took 104 s with a backtracking engine
	@Test
	void matchesAHostilePatternInLinearTime() {
		List<FieldSpec> fields = List.of(new FieldSpec("item", "", "(.*a){12}$", true, false));
		String message = "I want to order a pizza " + "a".repeat(28) + "!";

		Map<String, String> found = assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> FieldExtraction.extract(fields, message));

		assertThat(found).isEmpty();
	}

	@Test
	void namesWhatIsWrongWithAPatternALinearTimeEngineCannotRun() {
		assertThat(FieldExtraction.problem(new FieldSpec("f", "", "(?=a)a", true, false))).hasValueSatisfying(
				(p) -> assertThat(p).startsWith("field 'f': pattern uses syntax").contains("lookaround"));
		assertThat(FieldExtraction.problem(new FieldSpec("f", "", "(a)\\1", true, false)))
			.hasValueSatisfying((p) -> assertThat(p).contains("backreferences"));
		assertThat(FieldExtraction.problem(new FieldSpec("f", "", "(a)(b)", true, false)))
			.hasValueSatisfying((p) -> assertThat(p).contains("at most one group"));
		assertThat(FieldExtraction.problem(new FieldSpec("f", "", "(\\d+)", true, false))).isEmpty();
	}

	@Test
	void skipsAStoredPatternTheEngineCannotRun() {
		List<FieldSpec> fields = List.of(new FieldSpec("legacy", "", "(?<=#)\\d+", true, false),
				new FieldSpec("order", "", "#(\\d+)", true, false));

		assertThat(FieldExtraction.extract(fields, "order #42")).containsExactly(Map.entry("order", "42"));
	}

}
