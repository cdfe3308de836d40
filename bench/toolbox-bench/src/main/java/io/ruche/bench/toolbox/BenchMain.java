package io.ruche.bench.toolbox;

/**
 * Runs a benchmark, then exits: pools of the model, the HTTP client or the server must
 * not keep the JVM alive.
 */
final class BenchMain {

	private BenchMain() {
	}

	/** A benchmark's body. */
	interface Body {

		void run(String[] args) throws Exception;

	}

	static void run(String[] args, Body body) {
		int status = 0;
		try {
			body.run(args);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

}
