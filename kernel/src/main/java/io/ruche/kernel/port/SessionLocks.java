package io.ruche.kernel.port;

import java.time.Duration;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;

/**
 * Serialises work on one conversation session across every instance of the platform.
 */
public interface SessionLocks {

	/**
	 * Runs {@code work} while holding the session's lock, waiting at most {@code wait} to
	 * get it.
	 * @param <T> the result type
	 * @param tenant the tenant of the session
	 * @param sessionId the session
	 * @param wait the longest time to wait for the lock
	 * @param work the work to run under the lock
	 * @return what {@code work} returned
	 * @throws SessionBusyException when the lock could not be taken in time
	 */
	<T> T withLock(TenantId tenant, String sessionId, Duration wait, Supplier<T> work);

}
