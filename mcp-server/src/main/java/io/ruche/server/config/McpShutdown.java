package io.ruche.server.config;

import org.springframework.context.SmartLifecycle;

/**
 * Closes MCP sessions before the web server's graceful shutdown, which would otherwise
 * wait for their open SSE streams until its timeout (30 s).
 */
final class McpShutdown implements SmartLifecycle {

	private final Runnable close;

	private volatile boolean running;

	McpShutdown(Runnable close) {
		this.close = close;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.close.run();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stops before the web server's graceful shutdown phase.
		return Integer.MAX_VALUE;
	}

}
