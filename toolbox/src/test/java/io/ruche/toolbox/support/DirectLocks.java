package io.ruche.toolbox.support;

import java.time.Duration;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionLocks;

/** Runs the work at once: the registry tests import from one thread. */
final class DirectLocks implements SessionLocks {

	@Override
	public <T> T withLock(TenantId tenant, String sessionId, Duration wait, Supplier<T> work) {
		return work.get();
	}

}
