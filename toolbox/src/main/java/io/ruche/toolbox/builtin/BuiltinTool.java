package io.ruche.toolbox.builtin;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A tool implemented in-process. A tenant registers it with {@code kind: builtin} and
 * {@code target} set to its {@link #name()}.
 */
public interface BuiltinTool {

	/**
	 * The name used as the registration target, such as {@code clock.now}.
	 * @return the name, never null
	 */
	String name();

	/**
	 * What the tool does.
	 * @return the description, never null
	 */
	String description();

	/**
	 * The JSON Schema of the arguments.
	 * @return the schema, never null
	 */
	Map<String, Object> inputSchema();

	/**
	 * Runs the tool; must honour interruption when it may take long.
	 * @param arguments arguments validated against {@link #inputSchema()}
	 * @return the JSON-like output
	 * @throws IllegalArgumentException when the arguments make no sense
	 */
	@Nullable Object call(Map<String, Object> arguments);

}
