package io.ruche.toolbox.support;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;

/** Keeps every audit record in memory. */
public final class RecordingAuditLog implements AuditLog {

	private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

	@Override
	public void append(AuditRecord record) {
		this.records.add(record);
	}

	@Override
	public Page<AuditRecord> list(TenantId tenant, PageRequest request) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Page<AuditRecord> list(TenantId tenant, Collection<String> actions, PageRequest request) {
		throw new UnsupportedOperationException();
	}

	@Override
	public List<AuditRecord> listForSession(TenantId tenant, String sessionId) {
		return this.records.stream()
			.filter((r) -> r.tenant().equals(tenant) && sessionId.equals(r.sessionId()))
			.toList();
	}

	public List<AuditRecord> records() {
		return List.copyOf(this.records);
	}

}
