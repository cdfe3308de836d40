package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.InterlocutorExport;
import io.ruche.brain.SessionView;
import io.ruche.brain.port.PersonalDataStore.Erasure;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * An interlocutor's data: the answer of {@code interlocutor_export} (also {@code GET
 * /api/interlocutors/{id}/export}) and of {@code interlocutor_erase} (also {@code DELETE
 * /api/interlocutors/{id}}). Both take {@link InterlocutorJson#INPUT}.
 */
public final class InterlocutorDataJson {

	public static final Map<String, Object> EXPORT_SCHEMA = object().required("interlocutor", string("Interlocutor id"))
		.required("exported_at", string("When the export was made"))
		.required("profile", nullable(InterlocutorJson.SCHEMA))
		.required("sessions",
				arrayOf(SessionJson.SCHEMA,
						"Every session of the interlocutor, oldest first, with its turns; "
								+ "personal values in clear"))
		.required("traces", arrayOf(TraceJson.SCHEMA, "The traces of those turns"))
		.build();

	public static final Map<String, Object> ERASED_SCHEMA = object().required("interlocutor", string("Interlocutor id"))
		.required("profile_erased", bool("Whether a profile was deleted"))
		.required("sessions_erased", integer("Sessions deleted"))
		.required("turns_erased", integer("Turns deleted, each with its trace"))
		.build();

	public static final Map<String, Object> RESEALED_SCHEMA = object()
		.required("rewritten", integer("Stored profiles and sessions rewritten under the current key"))
		.required("key", string("The id of the current key"))
		.build();

	private InterlocutorDataJson() {
	}

	/**
	 * Everything held about an interlocutor.
	 * @param export the export
	 * @return its JSON
	 */
	public static Map<String, Object> export(InterlocutorExport export) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("interlocutor", export.interlocutorId());
		map.put("exported_at", export.exportedAt().toString());
		map.put("profile", (export.profile() != null) ? InterlocutorJson.write(export.profile()) : null);
		map.put("sessions", export.sessions()
			.stream()
			.map((data) -> SessionJson
				.write(new SessionView(data.session(), null, null, Map.of(), data.session().status()), data.turns()))
			.toList());
		List<Map<String, Object>> traces = export.sessions()
			.stream()
			.flatMap((data) -> data.traces().stream())
			.map(TraceJson::write)
			.toList();
		map.put("traces", traces);
		return map;
	}

	/**
	 * What an erasure deleted.
	 * @param interlocutorId the interlocutor
	 * @param erasure what was deleted
	 * @return its JSON
	 */
	public static Map<String, Object> erased(String interlocutorId, Erasure erasure) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("interlocutor", interlocutorId);
		map.put("profile_erased", erasure.profile());
		map.put("sessions_erased", erasure.sessions());
		map.put("turns_erased", erasure.turns());
		return map;
	}

	/**
	 * What a re-sealing rewrote.
	 * @param rewritten how many stored rows were rewritten
	 * @param keyId the current key's id
	 * @return its JSON
	 */
	public static Map<String, Object> resealed(int rewritten, String keyId) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("rewritten", rewritten);
		map.put("key", keyId);
		return map;
	}

}
