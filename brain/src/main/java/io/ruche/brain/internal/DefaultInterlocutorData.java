package io.ruche.brain.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.ruche.brain.InterlocutorData;
import io.ruche.brain.InterlocutorExport;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.port.PersonalDataStore.Erasure;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;

/**
 * The store-backed {@link InterlocutorData}.
 */
public final class DefaultInterlocutorData implements InterlocutorData {

	private final InterlocutorStore interlocutors;

	private final PersonalDataStore personalData;

	private final TurnStore turns;

	private final AuditLog audit;

	private final Keyring keyring;

	private final Clock clock;

	public DefaultInterlocutorData(InterlocutorStore interlocutors, PersonalDataStore personalData, TurnStore turns,
			AuditLog audit, Keyring keyring, Clock clock) {
		this.interlocutors = interlocutors;
		this.personalData = personalData;
		this.turns = turns;
		this.audit = audit;
		this.keyring = keyring;
		this.clock = clock;
	}

	@Override
	public List<Session> sessions(TenantId tenant, String interlocutorId) {
		return this.personalData.sessionsOf(tenant, interlocutorId)
			.stream()
			.map((session) -> session.withVariables(PersonalValues.shown(session.state().variables())))
			.toList();
	}

	@Override
	public InterlocutorExport export(TenantId tenant, String interlocutorId) {
		Interlocutor profile = this.interlocutors.find(tenant, interlocutorId)
			.map((found) -> found.withFields(PersonalValues.open(tenant, this.keyring, found.fields())))
			.orElse(null);
		List<InterlocutorExport.SessionData> sessions = new ArrayList<>();
		for (Session session : this.personalData.sessionsOf(tenant, interlocutorId)) {
			List<TurnRecord> records = this.turns.turns(tenant, session.id());
			List<Trace> traces = records.stream()
				.flatMap((record) -> this.turns.trace(tenant, record.traceId()).stream())
				.toList();
			sessions.add(new InterlocutorExport.SessionData(
					session.withVariables(PersonalValues.open(tenant, this.keyring, session.state().variables())),
					records, traces));
		}
		return new InterlocutorExport(interlocutorId, profile, sessions, this.clock.instant());
	}

	@Override
	public Erasure erase(TenantId tenant, Actor actor, String interlocutorId) {
		Erasure erasure = this.personalData.erase(tenant, interlocutorId);
		// The audit keeps that an erasure happened and by whom; the interlocutor id may
		// itself be personal (an e-mail address), so only its digest is kept.
		this.audit.append(new AuditRecord(tenant, Ids.newId("aud"), actor.id(), "interlocutor.erase",
				digest(interlocutorId), null, "ok", 0,
				Map.of("profile", String.valueOf(erasure.profile()), "sessions", String.valueOf(erasure.sessions()),
						"turns", String.valueOf(erasure.turns()), "role", actor.roleName()),
				this.clock.instant()));
		return erasure;
	}

	@Override
	public int purge(TenantId tenant, int retentionDays) {
		if (retentionDays < 1) {
			throw new IllegalArgumentException("retention_days must be at least 1, was " + retentionDays);
		}
		Instant now = this.clock.instant();
		int purged = this.personalData.purgeTurns(tenant, now.minus(Duration.ofDays(retentionDays)));
		if (purged > 0) {
			this.audit.append(new AuditRecord(tenant, Ids.newId("aud"), Actor.SYSTEM.id(), "turns.purge", "retention",
					null, "ok", 0,
					Map.of("turns", String.valueOf(purged), "retention_days", String.valueOf(retentionDays)), now));
		}
		return purged;
	}

	@Override
	public int reseal(TenantId tenant) {
		return this.personalData.rewrite(tenant, (text) -> this.keyring.reseal(tenant, text));
	}

	/**
	 * How an audit record names an interlocutor: {@code sha256:} and the first 16 hex
	 * digits of its id's digest, enough to confirm that a given id was erased.
	 * @param interlocutorId the id
	 * @return the digest
	 */
	static String digest(String interlocutorId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(interlocutorId.getBytes(StandardCharsets.UTF_8));
			return "interlocutor sha256:" + HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
