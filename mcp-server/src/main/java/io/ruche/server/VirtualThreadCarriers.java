package io.ruche.server;

import org.jspecify.annotations.Nullable;

/**
 * How many carrier threads run the virtual threads that serve requests. The JDK's default
 * is one per core; on two cores that left MCP calls queued behind each other while the
 * machine's other processes had the cores, and doubled the 99th percentile of a cheap
 * call compared with a platform-thread server (docs/performance.md). At least
 * {@value #MINIMUM} carriers let the operating system share the cores between requests
 * instead. An operator's own {@code -Djdk.virtualThreadScheduler.parallelism} is kept.
 */
final class VirtualThreadCarriers {

	static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";

	static final int MINIMUM = 4;

	private VirtualThreadCarriers() {
	}

	/**
	 * Sets the carrier count unless the operator did; must run before the first virtual
	 * thread starts.
	 */
	static void configure() {
		System.setProperty(PROPERTY,
				parallelism(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors()));
	}

	static String parallelism(@Nullable String configured, int cores) {
		return (configured != null && !configured.isBlank()) ? configured : Integer.toString(Math.max(MINIMUM, cores));
	}

}
