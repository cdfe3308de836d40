package io.ruche.server.mcp;

import java.util.List;

import io.ruche.brain.InterlocutorData;
import io.ruche.brain.InterlocutorExport;
import io.ruche.brain.port.PersonalDataStore.Erasure;
import io.ruche.kernel.model.Role;
import io.ruche.server.wire.InterlocutorDataJson;
import io.ruche.server.wire.InterlocutorJson;

/**
 * The interlocutor's rights of the MCP contract: {@code interlocutor_export} and
 * {@code interlocutor_erase} (docs/privacy.md). Both need an admin key: an export holds
 * personal values in clear, and an erasure cannot be undone.
 */
public final class PrivacyTools implements McpToolGroup {

	private final InterlocutorData data;

	public PrivacyTools(InterlocutorData data) {
		this.data = data;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(export(), erase());
	}

	private McpTool export() {
		return new McpTool("interlocutor_export",
				"Export everything held about one interlocutor as JSON: profile, sessions with their variables "
						+ "and turns, and the traces of those turns, personal values in clear (admin).",
				InterlocutorJson.INPUT, InterlocutorDataJson.EXPORT_SCHEMA, Role.ADMIN, true, (ctx, args) -> {
					String id = args.string("interlocutor");
					InterlocutorExport export = this.data.export(ctx.tenant(), id);
					int turns = export.sessions().stream().mapToInt((s) -> s.turns().size()).sum();
					return new ToolReply(InterlocutorDataJson.export(export),
							"Interlocutor " + id + ": " + ((export.profile() != null) ? "a profile, " : "no profile, ")
									+ export.sessions().size() + " session(s), " + turns + " turn(s)");
				});
	}

	private McpTool erase() {
		return new McpTool("interlocutor_erase",
				"Erase one interlocutor: its profile, its sessions, and every message, reply and trace of them. "
						+ "Cannot be undone; the audit log keeps that an erasure happened and by whom (admin).",
				InterlocutorJson.INPUT, InterlocutorDataJson.ERASED_SCHEMA, Role.ADMIN, false, (ctx, args) -> {
					String id = args.string("interlocutor");
					Erasure erasure = this.data.erase(ctx.tenant(), ctx.principal().actor(), id);
					return new ToolReply(InterlocutorDataJson.erased(id, erasure),
							"Interlocutor " + id + " erased: " + erasure.sessions() + " session(s), " + erasure.turns()
									+ " turn(s)" + (erasure.profile() ? ", the profile" : ""));
				});
	}

}
