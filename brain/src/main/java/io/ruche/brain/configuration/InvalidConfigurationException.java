package io.ruche.brain.configuration;

import java.util.List;

/**
 * A configuration edit was refused; every problem is described so that a person can fix
 * it. Nothing was written.
 */
public class InvalidConfigurationException extends RuntimeException {

	private final List<String> problems;

	public InvalidConfigurationException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidConfigurationException(String problem) {
		this(List.of(problem));
	}

	public List<String> problems() {
		return this.problems;
	}

}
