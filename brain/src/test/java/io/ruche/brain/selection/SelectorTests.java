package io.ruche.brain.selection;

import java.util.List;

import io.ruche.kernel.model.Scored;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.selection.SelectionStrategyTests.names;
import static io.ruche.brain.selection.SelectionStrategyTests.scored;
import static org.assertj.core.api.Assertions.assertThat;

class SelectorTests {

	@Test
	void keepsNothingForAnOffTopicMessage() {
		Selection<String> selection = Selector.of(SelectionConfig.RULES).select(scored(0.17, 0.12, 0.05));

		assertThat(selection.kept()).isEmpty();
		assertThat(selection.cutoffScore()).isZero();
	}

	@Test
	void cutsRelativeToTheBestScore() {
		Selection<String> selection = Selector.of(SelectionConfig.RULES).select(scored(0.7, 0.6, 0.5));

		assertThat(names(selection)).containsExactly("item0", "item1");
		assertThat((double) selection.explanation().get("threshold")).isCloseTo(0.56,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void keepsALowButCorrectMatchThatTheOldAbsoluteCutWouldDrop() {
		Selection<String> selection = Selector.of(SelectionConfig.RULES).select(scored(0.31, 0.12));

		assertThat(names(selection)).containsExactly("item0");
	}

	@Test
	void sortsAndClampsItsInput() {
		List<Scored<String>> items = List.of(new Scored<>("b", 0.4), new Scored<>("a", 0.6), new Scored<>("c", -0.2));

		Selection<String> selection = Selector.of(SelectionConfig.RULES.withRelativeCut(0)).select(items);

		assertThat(selection.kept()).extracting(Scored::item).containsExactly("a", "b");
	}

	@Test
	void readsRuleSelectionOverridesFromAgentSettings() {
		SelectionSettings settings = SelectionSettings
			.from(java.util.Map.of("selection.rules.strategy", "elbow", "selection.rules.floor", "0.3"));

		assertThat(settings.rules().strategy()).isInstanceOf(SelectionStrategy.Elbow.class);
		assertThat(settings.rules().floor()).isEqualTo(0.3);
	}

}
