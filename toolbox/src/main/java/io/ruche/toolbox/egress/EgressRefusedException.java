package io.ruche.toolbox.egress;

/**
 * The egress policy refused a target: nothing was sent to it.
 */
public class EgressRefusedException extends RuntimeException {

	private final boolean transientFailure;

	/**
	 * Creates the exception.
	 * @param message {@code egress_refused: } and the reason, in the caller's terms
	 * @param transientFailure whether the same target may pass later (its host could not
	 * be resolved)
	 */
	public EgressRefusedException(String message, boolean transientFailure) {
		super(message);
		this.transientFailure = transientFailure;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

}
