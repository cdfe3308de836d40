package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.ruche.brain.model.Interlocutor;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * An interlocutor's profile: the arguments and result of {@code interlocutor_get}, also
 * the answer of {@code GET /api/interlocutors/{id}}.
 */
public final class InterlocutorJson {

	public static final Map<String, Object> INPUT = object()
		.required("interlocutor", string("Interlocutor id, as passed to converse"))
		.build();

	public static final Map<String, Object> SCHEMA = object().required("id", string("Interlocutor id"))
		.required("fields", anyObject("Profile fields by name: the collected fields marked profile"))
		.required("personal_fields", arrayOf(string("Field name"), "The fields that are personal data"))
		.required("updated_at", string("When the profile last changed"))
		.build();

	private InterlocutorJson() {
	}

	public static Map<String, Object> write(Interlocutor interlocutor) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", interlocutor.id());
		map.put("fields", new TreeMap<>(interlocutor.fields()));
		map.put("personal_fields", interlocutor.personalFields().stream().sorted().toList());
		map.put("updated_at", interlocutor.updatedAt().toString());
		return map;
	}

}
