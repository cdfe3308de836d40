package io.ruche.adapters;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The subschemas of one JSON Schema document, found by keyword (never inside data such as
 * {@code default} or {@code enum}), each with the subschemas it applies to the same
 * instance: its {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}/{@code if}/... and
 * the targets of its references. References must stay inside the document; what they
 * point to is walked as a schema too.
 */
final class SchemaWalk {

	// subschemas applied to the instance itself
	private static final Set<String> IN_PLACE_ONE = Set.of("not", "if", "then", "else");

	private static final Set<String> IN_PLACE_LIST = Set.of("allOf", "anyOf", "oneOf");

	private static final Set<String> IN_PLACE_MAP = Set.of("dependentSchemas", "dependencies");

	// subschemas applied to a part of the instance (a property, an item, a name), or only
	// when referenced
	private static final Set<String> PART_ONE = Set.of("items", "additionalItems", "additionalProperties",
			"propertyNames", "contains", "unevaluatedItems", "unevaluatedProperties", "contentSchema");

	private static final Set<String> PART_LIST = Set.of("items", "prefixItems");

	private static final Set<String> PART_MAP = Set.of("properties", "patternProperties", "$defs", "definitions");

	private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");

	private static final Set<String> ANCHORS = Set.of("$anchor", "$dynamicAnchor");

	private static final int MAX_QUOTED = 200;

	private final JsonNode root;

	private final Map<JsonNode, Node> nodes = new IdentityHashMap<>();

	private final Map<String, List<JsonNode>> anchors = new HashMap<>();

	private final List<Reference> references = new ArrayList<>();

	private final List<Located> patterns = new ArrayList<>();

	private final List<Located> dialects = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private final Deque<Node> pending = new ArrayDeque<>();

	private SchemaWalk(JsonNode root) {
		this.root = root;
	}

	/**
	 * Walks a schema and resolves its references.
	 * @param root the schema document
	 * @return the walk
	 */
	static SchemaWalk of(JsonNode root) {
		SchemaWalk walk = new SchemaWalk(root);
		walk.enqueue(root, "");
		walk.drain();
		// anchors are known once everything reachable by keyword has been walked
		for (int i = 0; i < walk.references.size(); i++) {
			walk.resolve(walk.references.get(i));
			walk.drain();
		}
		return walk;
	}

	/** The schemas found, by identity, each with its location and in-place subschemas. */
	Map<JsonNode, Node> nodes() {
		return this.nodes;
	}

	/** Every {@code pattern} and {@code patternProperties} name, with where it is. */
	List<Located> patterns() {
		return this.patterns;
	}

	/** Every {@code $schema}, with where it is. */
	List<Located> dialects() {
		return this.dialects;
	}

	/** References that leave the document or lead nowhere, and embedded resources. */
	List<String> problems() {
		return this.problems;
	}

	private void enqueue(JsonNode schema, String path) {
		if (!this.nodes.containsKey(schema)) {
			Node node = new Node(path, schema);
			this.nodes.put(schema, node);
			if (schema.isObject()) {
				this.pending.add(node);
			}
		}
	}

	private void drain() {
		while (!this.pending.isEmpty()) {
			Node node = this.pending.poll();
			JsonNode schema = node.schema;
			for (Map.Entry<String, JsonNode> entry : schema.properties()) {
				keyword(node, entry.getKey(), entry.getValue());
			}
		}
	}

	private void keyword(Node node, String keyword, JsonNode value) {
		String path = node.path + "/" + escape(keyword);
		if (value.isString()) {
			text(node, keyword, value.asString(), path);
		}
		if (IN_PLACE_ONE.contains(keyword) || PART_ONE.contains(keyword)) {
			child(node, value, path, IN_PLACE_ONE.contains(keyword));
		}
		else if ((IN_PLACE_LIST.contains(keyword) || PART_LIST.contains(keyword)) && value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				child(node, value.get(i), path + "/" + i, IN_PLACE_LIST.contains(keyword));
			}
		}
		else if ((IN_PLACE_MAP.contains(keyword) || PART_MAP.contains(keyword)) && value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String entryPath = path + "/" + escape(entry.getKey());
				if (keyword.equals("patternProperties")) {
					this.patterns.add(new Located(entry.getKey(), entryPath));
				}
				child(node, entry.getValue(), entryPath, IN_PLACE_MAP.contains(keyword));
			}
		}
	}

	private void text(Node node, String keyword, String text, String path) {
		if (REFERENCES.contains(keyword)) {
			this.references.add(new Reference(node, keyword, text, path));
		}
		else if (ANCHORS.contains(keyword)) {
			this.anchors.computeIfAbsent(text, (name) -> new ArrayList<>()).add(node.schema);
		}
		else if (keyword.equals("pattern")) {
			this.patterns.add(new Located(text, path));
		}
		else if (keyword.equals("$schema")) {
			this.dialects.add(new Located(text, path));
		}
		else if (keyword.equals("$id") || keyword.equals("id")) {
			identifier(node, text, path);
		}
	}

	// draft 6/7 write anchors as "$id": "#name"; an $id elsewhere than the root would
	// start a resource of its own, against which "#..." resolves differently
	private void identifier(Node node, String id, String path) {
		if (id.startsWith("#")) {
			this.anchors.computeIfAbsent(id.substring(1), (name) -> new ArrayList<>()).add(node.schema);
		}
		else if (node.schema != this.root) {
			this.problems.add("embedded schema resources are not supported: remove '" + excerpt(id) + "' at "
					+ shown(path) + " and refer to that part with \"#/...\"");
		}
	}

	private void child(Node parent, JsonNode child, String path, boolean inPlace) {
		if (!child.isObject() && !child.isBoolean()) {
			return;
		}
		enqueue(child, path);
		if (inPlace) {
			parent.inPlace.add(child);
		}
	}

	private void resolve(Reference reference) {
		String value = reference.value();
		if (!value.startsWith("#")) {
			this.problems.add(reference.keyword() + " '" + excerpt(value) + "' at " + shown(reference.path())
					+ " points outside the schema: only references inside it (\"#/$defs/name\") are allowed");
			return;
		}
		String fragment = decode(value.substring(1));
		List<JsonNode> targets = new ArrayList<>();
		if (fragment.isEmpty() || fragment.startsWith("/")) {
			JsonNode target = pointer(fragment);
			if (target != null) {
				targets.add(target);
			}
		}
		else {
			targets.addAll(this.anchors.getOrDefault(fragment, List.of()));
		}
		if (targets.isEmpty()) {
			this.problems.add(reference.keyword() + " '" + excerpt(value) + "' at " + shown(reference.path())
					+ " points to nothing in the schema");
		}
		for (JsonNode target : targets) {
			if (!target.isObject() && !target.isBoolean()) {
				this.problems.add(reference.keyword() + " '" + excerpt(value) + "' at " + shown(reference.path())
						+ " points to something that is not a schema");
				continue;
			}
			enqueue(target, fragment);
			reference.from().inPlace.add(target);
		}
	}

	private @Nullable JsonNode pointer(String fragment) {
		try {
			JsonNode target = this.root.at(JsonPointer.compile(fragment));
			return target.isMissingNode() ? null : target;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String decode(String fragment) {
		if (fragment.indexOf('%') < 0) {
			return fragment;
		}
		try {
			return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return fragment;
		}
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * A location as shown in messages: a JSON pointer, {@code /} for the root.
	 * @param path the pointer
	 * @return the text
	 */
	static String shown(String path) {
		return path.isEmpty() ? "/" : excerpt(path);
	}

	/**
	 * A text of the schema as quoted in messages: a schema may be a megabyte long.
	 * @param text the text
	 * @return the text, cut after 200 characters
	 */
	static String excerpt(String text) {
		return (text.length() <= MAX_QUOTED) ? text : text.substring(0, MAX_QUOTED) + "...";
	}

	/** A schema of the document. */
	static final class Node {

		private final String path;

		private final JsonNode schema;

		private final List<JsonNode> inPlace = new ArrayList<>();

		Node(String path, JsonNode schema) {
			this.path = path;
			this.schema = schema;
		}

		String path() {
			return this.path;
		}

		JsonNode schema() {
			return this.schema;
		}

		/**
		 * The schemas applied to the same instance: in-place subschemas and references.
		 */
		List<JsonNode> inPlace() {
			return this.inPlace;
		}

	}

	/**
	 * A text found in the schema.
	 *
	 * @param text the text
	 * @param path where, as a JSON pointer
	 */
	record Located(String text, String path) {
	}

	private record Reference(Node from, String keyword, String value, String path) {
	}

}
