package io.ruche.server.config;

import org.springframework.context.SmartLifecycle;

/**
 * Runs a callback when the application has started (every bean is ready then) and another
 * when it stops, in a given phase.
 */
final class CallbackLifecycle implements SmartLifecycle {

	private final Runnable start;

	private final Runnable stop;

	private final int phase;

	private volatile boolean running;

	CallbackLifecycle(Runnable start, Runnable stop, int phase) {
		this.start = start;
		this.stop = stop;
		this.phase = phase;
	}

	/**
	 * Closes MCP sessions before the web server's graceful shutdown, which would
	 * otherwise wait for their open SSE streams until its timeout (30 s).
	 * @param close closes the sessions
	 * @return the lifecycle
	 */
	static CallbackLifecycle mcpShutdown(Runnable close) {
		// the highest phase stops first, before the web server's graceful shutdown phase
		return new CallbackLifecycle(() -> {
		}, close, Integer.MAX_VALUE);
	}

	@Override
	public void start() {
		this.start.run();
		this.running = true;
	}

	@Override
	public void stop() {
		this.stop.run();
		this.running = false;
	}

	/**
	 * Not pauseable: the stop callbacks release for good (MCP sessions closed, listener
	 * threads shut down), so a paused context (Spring's test context cache pauses
	 * contexts it does not use) could not start them again.
	 * @return false
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
