package io.ruche.stores.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.port.SessionLocks;

/**
 * One fair {@link ReentrantLock} per session, dropped when no thread holds or awaits it.
 */
final class InProcessSessionLocks implements SessionLocks {

	private final Map<String, Entry> locks = new ConcurrentHashMap<>();

	@Override
	public <T> T withLock(TenantId tenant, String sessionId, Duration wait, Supplier<T> work) {
		String key = tenant.value() + ":" + sessionId;
		Entry entry = this.locks.compute(key, (k, existing) -> {
			Entry e = (existing != null) ? existing : new Entry();
			e.users++;
			return e;
		});
		try {
			if (!entry.lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new SessionBusyException(sessionId);
			}
			try {
				return work.get();
			}
			finally {
				entry.lock.unlock();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SessionBusyException(sessionId);
		}
		finally {
			this.locks.computeIfPresent(key, (k, e) -> (--e.users == 0) ? null : e);
		}
	}

	/** A lock and the number of threads using it, guarded by the map's compute. */
	private static final class Entry {

		private final ReentrantLock lock = new ReentrantLock(true);

		private int users;

	}

}
