package io.ruche.toolbox.builtin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.toolbox.builtin.internal.ClockNowTool;
import io.ruche.toolbox.builtin.internal.TextCountTool;

/**
 * The built-in tools available on this platform, by name.
 *
 * @param tools the tools, by name
 */
public record BuiltinTools(Map<String, BuiltinTool> tools) {

	public BuiltinTools {
		tools = Map.copyOf(tools);
	}

	/**
	 * Collects tools by name.
	 * @param tools the tools; names must be unique
	 * @return the collection
	 */
	public static BuiltinTools of(List<BuiltinTool> tools) {
		Map<String, BuiltinTool> byName = new LinkedHashMap<>();
		for (BuiltinTool tool : tools) {
			if (byName.putIfAbsent(tool.name(), tool) != null) {
				throw new IllegalArgumentException("duplicate built-in tool " + tool.name());
			}
		}
		return new BuiltinTools(byName);
	}

	/**
	 * The standard tools: {@code clock.now} and {@code text.count}.
	 * @param clock the clock {@code clock.now} reads
	 * @return the tools
	 */
	public static BuiltinTools standard(Clock clock) {
		return of(List.of(new ClockNowTool(clock), new TextCountTool()));
	}

	public Optional<BuiltinTool> find(String name) {
		return Optional.ofNullable(this.tools.get(name));
	}

}
