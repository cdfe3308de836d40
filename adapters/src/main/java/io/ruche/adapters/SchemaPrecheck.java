package io.ruche.adapters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.RegularExpressions;
import io.ruche.kernel.regex.LinearRegex;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a schema must satisfy before it is compiled, because the validator would otherwise
 * load files or URLs, overflow the stack or backtrack without end: references stay inside
 * the schema, no chain of references loops without moving to a part of the value, every
 * pattern runs on the linear-time engine, and {@code $schema} names a known dialect.
 */
final class SchemaPrecheck {

	private SchemaPrecheck() {
	}

	/**
	 * Checks a schema.
	 * @param schema the schema document
	 * @return what is wrong, each naming where; empty when the schema may be compiled
	 */
	static List<String> problems(JsonNode schema) {
		SchemaWalk walk = SchemaWalk.of(schema);
		List<String> problems = new ArrayList<>(walk.problems());
		for (SchemaWalk.Located dialect : walk.dialects()) {
			if (dialect(dialect.text()) == null) {
				problems
					.add("$schema '" + SchemaWalk.excerpt(dialect.text()) + "' at " + SchemaWalk.shown(dialect.path())
							+ " is not a dialect this server knows: use https://json-schema.org/draft/2020-12/schema"
							+ " (or draft 2019-09, 7, 6 or 4)");
			}
		}
		for (SchemaWalk.Located pattern : walk.patterns()) {
			try {
				compile(pattern.text());
			}
			catch (IllegalArgumentException ex) {
				problems.add("pattern '" + SchemaWalk.excerpt(pattern.text()) + "' at "
						+ SchemaWalk.shown(pattern.path()) + " " + ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			loop(walk.nodes()).ifPresent(problems::add);
		}
		return problems;
	}

	/**
	 * Compiles a schema pattern (ECMAScript syntax) for the linear-time engine.
	 * @param regex the pattern
	 * @return the compiled pattern
	 * @throws IllegalArgumentException when it cannot be used
	 */
	static com.google.re2j.Pattern compile(String regex) {
		// \p{Letter} and the like, which ECMAScript allows and RE2 spells \p{L}
		return LinearRegex.compile(RegularExpressions.replaceLongformCharacterProperties(regex));
	}

	/**
	 * The dialect a {@code $schema} names.
	 * @param id the dialect id, with or without the trailing {@code #}
	 * @return the dialect, or null when unknown
	 */
	static @Nullable SpecificationVersion dialect(String id) {
		String bare = id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
		return SpecificationVersion.fromDialectId(bare)
			.or(() -> SpecificationVersion.fromDialectId(bare + "#"))
			.orElse(null);
	}

	// A depth-first search over in-place edges: a back edge is a loop that validates the
	// same value again and again (the stack overflow of "$ref": "#").
	private static Optional<String> loop(Map<JsonNode, SchemaWalk.Node> nodes) {
		Map<JsonNode, Boolean> onPath = new IdentityHashMap<>();
		for (Map.Entry<JsonNode, SchemaWalk.Node> start : nodes.entrySet()) {
			if (onPath.containsKey(start.getKey())) {
				continue;
			}
			Deque<Frame> stack = new ArrayDeque<>();
			stack.push(new Frame(start.getValue()));
			onPath.put(start.getKey(), true);
			while (!stack.isEmpty()) {
				Frame frame = stack.element();
				List<JsonNode> next = frame.node.inPlace();
				if (frame.index == next.size()) {
					onPath.put(frame.node.schema(), false);
					stack.pop();
					continue;
				}
				JsonNode target = next.get(frame.index++);
				SchemaWalk.Node targetNode = Objects.requireNonNull(nodes.get(target));
				Boolean state = onPath.get(target);
				if (Boolean.TRUE.equals(state)) {
					return Optional.of("the schema at " + SchemaWalk.shown(frame.node.path()) + " refers back to "
							+ SchemaWalk.shown(targetNode.path())
							+ " without moving to a property or item: the reference loops forever");
				}
				if (state == null) {
					onPath.put(target, true);
					stack.push(new Frame(targetNode));
				}
			}
		}
		return Optional.empty();
	}

	private static final class Frame {

		private final SchemaWalk.Node node;

		private int index;

		Frame(SchemaWalk.Node node) {
			this.node = node;
		}

	}

}
