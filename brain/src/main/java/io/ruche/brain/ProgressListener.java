package io.ruche.brain;

/**
 * Hears the progress of a turn, phase by phase (MCP progress notifications). Must not
 * block or throw.
 */
@FunctionalInterface
public interface ProgressListener {

	/**
	 * A phase is about to run.
	 * @param phase the phase name
	 * @param index its 1-based position
	 * @param total the number of phases of this turn
	 */
	void phase(String phase, int index, int total);

}
