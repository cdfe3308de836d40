package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Budget;
import io.ruche.brain.model.Names;
import io.ruche.brain.model.PersonalDataSettings;
import io.ruche.brain.model.SessionLifetime;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.selection.RuleFilterSettings;
import io.ruche.brain.selection.SelectionSettings;

/**
 * Checks the agent settings that steer the turn ({@code selection.*}, {@code scenario.*},
 * {@code rule_filter*}, {@code idle_after}, {@code close_after},
 * {@code personal_fields_to_model}, {@code turns_per_minute},
 * {@code model_tokens_per_day}, {@code accumulation*}) when the agent is written, so that
 * a misspelt key or a malformed value is refused with its name instead of being ignored
 * or failing every turn later. Other keys are free-form.
 */
final class TurnSettingsChecks {

	private static final List<String> GOVERNED_PREFIXES = List.of("selection.", "scenario.", "rule_filter",
			"accumulation");

	private static final Set<String> KNOWN = known();

	private static final List<Consumer<Map<String, String>>> READERS = List.of(SelectionSettings::from,
			NavigationSettings::from, RuleFilterSettings::from, SessionLifetime::from, PersonalDataSettings::from,
			Budget::from, Accumulation::from);

	private TurnSettingsChecks() {
	}

	private static Set<String> known() {
		Set<String> keys = new TreeSet<>(SelectionSettings.KEYS);
		keys.addAll(NavigationSettings.KEYS);
		keys.addAll(RuleFilterSettings.KEYS);
		keys.addAll(Accumulation.KEYS);
		return keys;
	}

	static List<String> problems(String prefix, Map<String, String> settings) {
		List<String> problems = new ArrayList<>();
		for (String key : new TreeSet<>(settings.keySet())) {
			if (GOVERNED_PREFIXES.stream().anyMatch(key::startsWith) && !KNOWN.contains(key)) {
				problems.add(prefix + "unknown setting '" + Names.shown(key) + "'" + hint(key) + "; known: " + KNOWN);
			}
		}
		for (Consumer<Map<String, String>> reader : READERS) {
			try {
				reader.accept(settings);
			}
			catch (IllegalArgumentException ex) {
				problems.add(prefix + "settings: " + ex.getMessage());
			}
		}
		return problems;
	}

	private static String hint(String key) {
		return key.startsWith("selection.scenarios.")
				? " (scenario entry is not a selection: set scenario.entry_threshold)" : "";
	}

}
