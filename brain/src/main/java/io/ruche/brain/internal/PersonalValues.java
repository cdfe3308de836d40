package io.ruche.brain.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.PersonalDataSettings;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The values of a turn's personal fields (scenario fields marked {@code personal}, and
 * the profile fields recorded as personal), and what hides them: replaced by {@code ***}
 * in texts (the turn's record, its trace, what a model is sent), sealed in what is stored
 * (docs/privacy.md). Values shorter than {@link #MIN_MASKED} characters are sealed but
 * not searched for in texts, where they would hide every occurrence of a common word.
 */
final class PersonalValues {

	static final int MIN_MASKED = 3;

	private final Set<String> fields;

	private final List<String> values;

	private PersonalValues(Set<String> fields, List<String> values) {
		this.fields = fields;
		this.values = values;
	}

	/**
	 * The personal values of a turn.
	 * @param snapshot the agent
	 * @param variables the session's variables, opened
	 * @param interlocutor the profile, opened
	 * @param forModel whether the texts go to a model: the fields the agent lets a model
	 * see ({@code personal_fields_to_model}) are then left as they are
	 * @return the values
	 */
	static PersonalValues of(AgentSnapshot snapshot, Map<String, String> variables, Interlocutor interlocutor,
			boolean forModel) {
		Set<String> fields = fields(snapshot, interlocutor);
		Set<String> hidden = new HashSet<>(fields);
		if (forModel) {
			hidden.removeAll(PersonalDataSettings.from(snapshot.agent().settings().extra()).toModel());
		}
		Set<String> values = new TreeSet<>(
				Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		for (String field : hidden) {
			add(values, variables.get(field));
			add(values, interlocutor.fields().get(field));
		}
		return new PersonalValues(fields, List.copyOf(values));
	}

	static PersonalValues of(TurnState turn, boolean forModel) {
		return of(turn.snapshot, turn.variables, turn.interlocutor, forModel);
	}

	private static void add(Set<String> values, @Nullable String value) {
		if (value != null && !Keyring.isSealed(value) && value.strip().length() >= MIN_MASKED) {
			values.add(value.strip());
		}
	}

	/**
	 * The names of the personal fields: marked so by the agent, in a scenario, or in the
	 * profile.
	 */
	static Set<String> fields(AgentSnapshot snapshot, Interlocutor interlocutor) {
		Set<String> fields = new HashSet<>(interlocutor.personalFields());
		for (FieldSpec field : snapshot.agent().fields()) {
			if (field.personal()) {
				fields.add(field.name());
			}
		}
		for (EmbeddedScenario scenario : snapshot.scenarios()) {
			for (ScenarioStep step : scenario.scenario().steps()) {
				for (FieldSpec field : step.collects()) {
					if (field.personal()) {
						fields.add(field.name());
					}
				}
			}
		}
		return fields;
	}

	/** The names of the personal fields. */
	Set<String> fields() {
		return this.fields;
	}

	/**
	 * Replaces every personal value in a text by {@code ***}.
	 * @param text the text
	 * @return the masked text
	 */
	String mask(String text) {
		String out = text;
		for (String value : this.values) {
			out = out.replace(value, Keyring.MASK);
		}
		return out;
	}

	/**
	 * Masks the strings of a JSON-like value (maps, lists, strings; other values as they
	 * are), such as a trace's decisions.
	 * @param value the value
	 * @return the masked copy
	 */
	Object maskDeep(Object value) {
		if (this.values.isEmpty()) {
			return value;
		}
		return switch (value) {
			case String text -> mask(text);
			case Map<?, ?> map -> {
				Map<String, Object> out = new LinkedHashMap<>();
				map.forEach((key, item) -> out.put(mask(String.valueOf(key)), (item != null) ? maskDeep(item) : ""));
				yield out;
			}
			case List<?> list -> list.stream().map((item) -> (item != null) ? maskDeep(item) : "").toList();
			default -> value;
		};
	}

	/**
	 * Masks a request to a model: its system prompt and every message.
	 * @param request the request
	 * @return the masked request
	 */
	ModelRequest mask(ModelRequest request) {
		if (this.values.isEmpty()) {
			return request;
		}
		return new ModelRequest(mask(request.system()),
				request.messages().stream().map((m) -> new ModelMessage(m.role(), mask(m.content()))).toList(),
				request.temperature(), request.maxTokens());
	}

	/**
	 * Seals the personal values of a map of field values; the others are kept as they
	 * are.
	 * @param tenant the owner
	 * @param keyring the keyring
	 * @param values field values by name
	 * @return the values to store
	 */
	Map<String, String> seal(TenantId tenant, Keyring keyring, Map<String, String> values) {
		Map<String, String> sealed = new LinkedHashMap<>();
		values.forEach(
				(field, value) -> sealed.put(field, this.fields.contains(field) ? keyring.seal(tenant, value) : value));
		return sealed;
	}

	/**
	 * A model whose every request is masked first, with the values known when the call is
	 * made.
	 * @param turn the turn
	 * @param model the model
	 * @return the masking model
	 */
	static LanguageModel masking(TurnState turn, LanguageModel model) {
		return (request) -> model.generate(of(turn, true).mask(request));
	}

	/**
	 * Whether a message is the one a turn stored: the same text, where each {@code ***}
	 * of the stored text stands for a masked personal value.
	 * @param stored the stored message, masked
	 * @param message the message sent again
	 * @return true when it is the same message
	 */
	static boolean sameMessage(String stored, String message) {
		if (stored.equals(message)) {
			return true;
		}
		if (!stored.contains(Keyring.MASK)) {
			return false;
		}
		StringBuilder pattern = new StringBuilder();
		String[] parts = stored.split(Pattern.quote(Keyring.MASK), -1);
		for (int i = 0; i < parts.length; i++) {
			pattern.append(Pattern.quote(parts[i]));
			if (i < parts.length - 1) {
				pattern.append(".+?");
			}
		}
		return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(message).matches();
	}

	/**
	 * Opens every sealed value of a map.
	 * @param tenant the owner
	 * @param keyring the keyring
	 * @param values stored values by name
	 * @return the values, opened
	 */
	static Map<String, String> open(TenantId tenant, Keyring keyring, Map<String, String> values) {
		Map<String, String> opened = new LinkedHashMap<>();
		values.forEach((field, value) -> opened.put(field, keyring.open(tenant, value)));
		return opened;
	}

	/**
	 * Shows every sealed value of a map as {@code ***}.
	 * @param values stored values by name
	 * @return the values as shown
	 */
	static Map<String, String> shown(Map<String, String> values) {
		Map<String, String> shown = new LinkedHashMap<>();
		values.forEach((field, value) -> shown.put(field, Keyring.shown(value)));
		return shown;
	}

}
