package io.ruche.toolbox.registry;

import java.util.List;

/**
 * How a registration ended.
 */
public sealed interface RegistrationResult permits RegistrationResult.Registered, RegistrationResult.Refused {

	/**
	 * The tools were saved.
	 *
	 * @param tools the saved tools (for an MCP server: the server entry first, then every
	 * imported tool)
	 * @param removed names of previously imported tools that the upstream server no
	 * longer offers, now removed
	 */
	record Registered(List<ToolView> tools, List<String> removed) implements RegistrationResult {

		public Registered {
			tools = List.copyOf(tools);
			removed = List.copyOf(removed);
		}

	}

	/**
	 * Nothing was saved.
	 *
	 * @param problems what is wrong, one per entry
	 */
	record Refused(List<String> problems) implements RegistrationResult {

		public Refused {
			problems = List.copyOf(problems);
		}

	}

}
