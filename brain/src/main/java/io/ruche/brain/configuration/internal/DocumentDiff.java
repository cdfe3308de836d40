package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentDiff.ChangeKind;
import io.ruche.brain.configuration.AgentDiff.FieldChange;
import io.ruche.brain.configuration.AgentDiff.ObjectChange;
import org.jspecify.annotations.Nullable;

/**
 * Compares two export documents as trees: objects are matched by name (steps by id), and
 * nested fields are compared leaf by leaf under dotted names, so that a diff names the
 * field a builder edited rather than the whole rule.
 */
final class DocumentDiff {

	private DocumentDiff() {
	}

	static AgentDiff between(long from, long to, Map<String, Object> before, Map<String, Object> after) {
		return new AgentDiff(from, to, fieldChanges(before.get("agent"), after.get("agent")),
				objectChanges(before.get("rules"), after.get("rules")),
				objectChanges(before.get("scenarios"), after.get("scenarios")),
				nameChanges(before.get("tools"), after.get("tools")));
	}

	private static List<FieldChange> fieldChanges(@Nullable Object before, @Nullable Object after) {
		Map<String, @Nullable Object> old = flatten(before);
		Map<String, @Nullable Object> now = flatten(after);
		Set<String> fields = new LinkedHashSet<>(old.keySet());
		fields.addAll(now.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			if (!Objects.equals(old.get(field), now.get(field))) {
				changes.add(new FieldChange(field, old.get(field), now.get(field)));
			}
		}
		return changes;
	}

	private static List<ObjectChange> objectChanges(@Nullable Object before, @Nullable Object after) {
		Map<String, Object> old = byKey(before);
		Map<String, Object> now = byKey(after);
		List<ObjectChange> changes = new ArrayList<>();
		old.forEach((name, object) -> {
			if (!now.containsKey(name)) {
				changes.add(new ObjectChange(name, ChangeKind.REMOVED, fieldChanges(object, null)));
			}
			else {
				List<FieldChange> fields = fieldChanges(object, now.get(name));
				if (!fields.isEmpty()) {
					changes.add(new ObjectChange(name, ChangeKind.CHANGED, fields));
				}
			}
		});
		now.forEach((name, object) -> {
			if (!old.containsKey(name)) {
				changes.add(new ObjectChange(name, ChangeKind.ADDED, fieldChanges(null, object)));
			}
		});
		return changes;
	}

	private static List<ObjectChange> nameChanges(@Nullable Object before, @Nullable Object after) {
		Set<Object> old = new LinkedHashSet<>((before instanceof List<?> list) ? list : List.of());
		Set<Object> now = new LinkedHashSet<>((after instanceof List<?> list) ? list : List.of());
		List<ObjectChange> changes = new ArrayList<>();
		old.stream()
			.filter((name) -> !now.contains(name))
			.forEach((name) -> changes.add(new ObjectChange(String.valueOf(name), ChangeKind.REMOVED, List.of())));
		now.stream()
			.filter((name) -> !old.contains(name))
			.forEach((name) -> changes.add(new ObjectChange(String.valueOf(name), ChangeKind.ADDED, List.of())));
		return changes;
	}

	private static Map<String, Object> byKey(@Nullable Object list) {
		Map<String, Object> keyed = new LinkedHashMap<>();
		if (list instanceof List<?> items) {
			for (Object item : items) {
				String key = key(item);
				if (key != null) {
					keyed.put(key, item);
				}
			}
		}
		return keyed;
	}

	private static @Nullable String key(@Nullable Object item) {
		if (item instanceof Map<?, ?> map) {
			Object key = (map.get("id") != null) ? map.get("id") : map.get("name");
			return (key != null) ? String.valueOf(key) : null;
		}
		return null;
	}

	private static Map<String, @Nullable Object> flatten(@Nullable Object tree) {
		Map<String, @Nullable Object> leaves = new LinkedHashMap<>();
		if (tree != null) {
			flatten("", tree, leaves);
		}
		return leaves;
	}

	// Maps and lists of named objects are walked; any other value (lists of strings
	// included) is one leaf.
	private static void flatten(String path, Object value, Map<String, @Nullable Object> leaves) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((k, v) -> {
				if (v != null) {
					flatten(join(path, String.valueOf(k)), v, leaves);
				}
			});
		}
		else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch((i) -> key(i) != null)) {
			list.forEach((item) -> flatten(join(path, Objects.requireNonNull(key(item))), item, leaves));
		}
		else {
			leaves.put(path, value);
		}
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

}
