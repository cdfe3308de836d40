package io.ruche.brain.selection;

import java.util.ArrayList;
import java.util.List;

import io.ruche.kernel.model.Scored;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SelectionStrategyTests {

	static List<Scored<String>> scored(double... scores) {
		List<Scored<String>> items = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			items.add(new Scored<>("item" + i, scores[i]));
		}
		return items;
	}

	static List<String> names(Selection<String> selection) {
		return selection.kept().stream().map(Scored::item).toList();
	}

	@Test
	void elbowCutsAtTheFirstLargeRelativeDrop() {
		SelectionStrategy elbow = new SelectionStrategy.Elbow(0.3, 0.5);

		Selection<String> selection = elbow.select(scored(0.9, 0.85, 0.5, 0.4), 10, 1);

		assertThat(names(selection)).containsExactly("item0", "item1");
		assertThat(selection.explanation()).containsEntry("elbow_index", 2);
		assertThat(selection.cutoffScore()).isEqualTo(0.85);
	}

	@Test
	void entropyKeepsFewItemsWhenScoresAreConcentrated() {
		SelectionStrategy entropy = SelectionStrategy.Entropy.defaults().withMinScore(0);

		Selection<String> selection = entropy.select(scored(0.95, 0.05, 0.05, 0.05, 0.05, 0.05), 10, 1);

		assertThat((double) selection.explanation().get("normalized_entropy")).isLessThan(0.5);
		assertThat(selection.kept()).hasSize(3);
	}

	@Test
	void entropyOfTheReferenceExampleIsAboutPointFour() {
		Selection<String> selection = SelectionStrategy.Entropy.defaults()
			.select(scored(0.95, 0.05, 0.05, 0.05), 10, 1);

		assertThat((double) selection.explanation().get("normalized_entropy")).isCloseTo(0.40,
				org.assertj.core.data.Offset.offset(0.01));
		assertThat(names(selection)).containsExactly("item0");
	}

	@Test
	void entropyKeepsManyItemsWhenScoresAreFlat() {
		Selection<String> selection = SelectionStrategy.Entropy.defaults()
			.select(scored(0.8, 0.8, 0.79, 0.79, 0.78, 0.78, 0.77, 0.77, 0.76, 0.76, 0.75, 0.75), 10, 1);

		assertThat(selection.kept()).hasSize(10);
	}

	@Test
	void adaptiveKCutsAtTheSharpestBend() {
		Selection<String> selection = SelectionStrategy.AdaptiveK.defaults()
			.withMinScore(0)
			.select(scored(0.9, 0.89, 0.88, 0.87, 0.86, 0.3, 0.29, 0.28, 0.27, 0.26), 10, 1);

		assertThat(selection.kept()).hasSize(5);
		assertThat(selection.explanation()).containsEntry("curvature_index", 5);
	}

	@Test
	void adaptiveKWithTwoPointsKeepsThoseAboveTheMinimum() {
		Selection<String> selection = SelectionStrategy.AdaptiveK.defaults().select(scored(0.7, 0.3), 10, 1);

		assertThat(names(selection)).containsExactly("item0");
		assertThat(selection.explanation()).containsEntry("reason", "insufficient_points");
	}

	@Test
	void adaptiveKStillKeepsMinKBelowItsMinimumScore() {
		Selection<String> selection = SelectionStrategy.AdaptiveK.defaults().select(scored(0.3, 0.2, 0.1), 10, 1);

		assertThat(names(selection)).containsExactly("item0");
	}

	@Test
	void fixedKTakesTheFirstKAboveTheMinimum() {
		Selection<String> selection = new SelectionStrategy.FixedK(3, 0.0).select(scored(0.9, 0.8, 0.7, 0.6, 0.5), 10,
				1);

		assertThat(names(selection)).containsExactly("item0", "item1", "item2");
	}

	@Test
	void fixedKPadsToMinKRegardlessOfScore() {
		Selection<String> selection = new SelectionStrategy.FixedK(3, 0.9).select(scored(0.5, 0.4, 0.3), 10, 2);

		assertThat(names(selection)).containsExactly("item0", "item1");
	}

	@Test
	void clusteringTakesTheBestOfEachCluster() {
		Selection<String> selection = SelectionStrategy.Clustering.defaults()
			.select(scored(0.95, 0.93, 0.91, 0.90, 0.6, 0.58, 0.55, 0.3), 10, 1);

		assertThat(selection.kept()).extracting(Scored::score).containsExactly(0.95, 0.93, 0.91, 0.6, 0.58, 0.55);
		assertThat(selection.explanation()).containsEntry("clusters", 2);
	}

	@Test
	void clusteringStopsAtMaxK() {
		Selection<String> selection = SelectionStrategy.Clustering.defaults()
			.select(scored(0.95, 0.93, 0.91, 0.90, 0.6, 0.58, 0.55), 4, 1);

		assertThat(selection.kept()).extracting(Scored::score).containsExactly(0.95, 0.93, 0.91, 0.6);
	}

	@Test
	void clusteringBelowThresholdKeepsMinK() {
		Selection<String> selection = SelectionStrategy.Clustering.defaults().select(scored(0.3, 0.2), 10, 1);

		assertThat(names(selection)).containsExactly("item0");
		assertThat(selection.explanation()).containsEntry("reason", "below_threshold");
	}

	@Test
	void rejectsUnsortedInputAndBadBounds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SelectionStrategy.Elbow.defaults().select(scored(0.1, 0.9), 10, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SelectionStrategy.Elbow.defaults().select(scored(0.9), 1, 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SelectionStrategy.Elbow.defaults().select(scored(1.5), 10, 1));
	}

	@Test
	void namesTheFiveStrategies() {
		assertThat(SelectionStrategy.named("fixed_k")).isEqualTo(SelectionStrategy.FixedK.defaults());
		assertThat(SelectionStrategy.named("ELBOW")).isEqualTo(SelectionStrategy.Elbow.defaults());
		assertThat(SelectionStrategy.named("adaptive_k")).isEqualTo(SelectionStrategy.AdaptiveK.defaults());
		assertThat(SelectionStrategy.named("entropy")).isEqualTo(SelectionStrategy.Entropy.defaults());
		assertThat(SelectionStrategy.named("clustering")).isEqualTo(SelectionStrategy.Clustering.defaults());
		assertThatIllegalArgumentException().isThrownBy(() -> SelectionStrategy.named("top_p"));
	}

}
