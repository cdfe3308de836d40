package io.ruche.brain.port;

import java.time.Duration;

/**
 * Counters of use in fixed windows, shared by every instance: the ledger of the turn and
 * model-token budgets (docs/brain.md, Budgets). A key's window opens with the first
 * amount counted under it and lasts the window given then; when it ends the counter
 * starts again from zero. Calls never block. Failures are
 * {@link io.ruche.kernel.store.StoreUnavailableException}s.
 */
public interface UsageCounters {

	/**
	 * Adds {@code amount} when the counter stays within {@code limit}; otherwise changes
	 * nothing.
	 * @param key a tenant-qualified counter name such as {@code acme:turns}
	 * @param amount what to add, at least 1
	 * @param limit the most the counter may hold, at least 1
	 * @param window how long a window lasts when this call opens one
	 * @return whether it was added, the count and when the window ends
	 */
	Usage tryAdd(String key, long amount, long limit, Duration window);

	/**
	 * Adds {@code amount} whatever the count: use measured after the fact (the tokens of
	 * a model call), or a negative amount to give back what a refused turn took.
	 * @param key the counter name
	 * @param amount what to add
	 * @param window how long a window lasts when this call opens one
	 * @return the count and when the window ends
	 */
	Usage add(String key, long amount, Duration window);

	/**
	 * Reads a counter.
	 * @param key the counter name
	 * @return the count (0 without an open window) and when the window ends
	 */
	Usage read(String key);

	/**
	 * A counter after a call.
	 *
	 * @param added whether the amount was added ({@link #add} and {@link #read}: always
	 * true)
	 * @param used the count in the current window
	 * @param resetsIn how long until the window ends (zero without an open window)
	 */
	record Usage(boolean added, long used, Duration resetsIn) {

		public Usage {
			resetsIn = resetsIn.isNegative() ? Duration.ZERO : resetsIn;
		}

	}

}
