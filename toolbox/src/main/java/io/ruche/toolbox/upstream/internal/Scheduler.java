package io.ruche.toolbox.upstream.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the listeners' work on virtual threads, delayed by one timer thread: connecting,
 * pinging and re-syncing block on the network, and there is one listener per
 * registration.
 */
final class Scheduler implements AutoCloseable {

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ruche-upstream-listen").daemon(true).factory());

	private final ExecutorService workers = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("ruche-upstream-listen-", 0).factory());

	void now(Runnable task) {
		this.workers.execute(task);
	}

	Future<?> after(Duration delay, Runnable task) {
		try {
			return this.timer.schedule(() -> this.workers.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed: a listener finishing its last step schedules nothing more
			return CompletableFuture.completedFuture(null);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.workers.shutdownNow();
	}

}
