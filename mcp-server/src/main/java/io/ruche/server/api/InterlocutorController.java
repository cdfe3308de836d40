package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.InterlocutorData;
import io.ruche.brain.SessionView;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Role;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InterlocutorDataJson;
import io.ruche.server.wire.SessionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * An interlocutor's sessions, the export and erasure of its data
 * ({@code interlocutor_export}, {@code interlocutor_erase}) and the re-sealing of the
 * tenant's personal values after a key rotation (docs/privacy.md). The profile itself is
 * read by {@link SessionController}.
 */
@RestController
@Tag(name = "Interlocutors", description = "An interlocutor's sessions, the export and erasure of its data")
public class InterlocutorController {

	private final InterlocutorData data;

	private final Keyring keyring;

	public InterlocutorController(InterlocutorData data, Keyring keyring) {
		this.data = data;
		this.keyring = keyring;
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading sessions")
	@GetMapping("/api/interlocutors/{id}/sessions")
	@Operation(summary = "List an interlocutor's sessions, oldest first (viewer): each as in GET /api/sessions, "
			+ "personal values shown as ***")
	public Map<String, Object> sessions(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", this.data.sessions(principal.tenant(), id)
			.stream()
			.map((session) -> SessionJson.summary(new SessionView(session, null, null, Map.of(), session.status())))
			.toList());
		return page;
	}

	@RequiresRole(value = Role.ADMIN, operation = "exporting an interlocutor's data")
	@GetMapping("/api/interlocutors/{id}/export")
	@Operation(summary = "Export everything held about one interlocutor, as interlocutor_export (admin): profile, "
			+ "sessions with their turns, traces; personal values in clear; sent as a JSON attachment")
	public ResponseEntity<Map<String, Object>> export(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"interlocutor-" + id.replaceAll("[^\\w.-]", "_") + ".json\"")
			.body(InterlocutorDataJson.export(this.data.export(principal.tenant(), id)));
	}

	@RequiresRole(value = Role.ADMIN, operation = "erasing an interlocutor's data")
	@DeleteMapping("/api/interlocutors/{id}")
	@Operation(summary = "Erase one interlocutor, as interlocutor_erase (admin): its profile, sessions, turns and "
			+ "traces; audited as interlocutor.erase; idempotent")
	public Map<String, Object> erase(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return InterlocutorDataJson.erased(id, this.data.erase(principal.tenant(), principal.actor(), id));
	}

	@RequiresRole(value = Role.ADMIN, operation = "re-sealing personal data")
	@PostMapping("/api/privacy/reseal")
	@Operation(summary = "Re-seal under the current key every personal value of the tenant sealed under a previous "
			+ "key (admin); the step of a key rotation (docs/privacy.md)")
	public Map<String, Object> reseal(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		return InterlocutorDataJson.resealed(this.data.reseal(principal.tenant()), this.keyring.currentKeyId());
	}

}
