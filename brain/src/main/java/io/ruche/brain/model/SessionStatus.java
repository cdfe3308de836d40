package io.ruche.brain.model;

/**
 * The lifecycle of a conversation session.
 */
public enum SessionStatus {

	ACTIVE, CLOSED

}
