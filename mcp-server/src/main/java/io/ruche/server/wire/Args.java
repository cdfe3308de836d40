package io.ruche.server.wire;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Typed access to JSON arguments (an MCP tool's arguments, a REST body), with messages
 * that name the argument and what was expected. Every problem is an
 * {@link InvalidArgumentsException}.
 *
 * @param values the arguments as parsed JSON
 */
public record Args(Map<String, Object> values) {

	public Args {
		values = (values != null) ? values : Map.of();
	}

	public String string(String name) {
		String value = optionalString(name);
		if (value == null || value.isBlank()) {
			throw new InvalidArgumentsException("argument '" + name + "' is required (a non-empty string)");
		}
		return value;
	}

	public @Nullable String optionalString(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return text;
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be a string, got " + describe(value));
	}

	public int integer(String name, int fallback) {
		Object value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return number.intValue();
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be an integer, got " + describe(value));
	}

	public long longValue(String name, long fallback) {
		Object value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
				&& Math.abs(number.doubleValue()) < 0x1p53) {
			return number.longValue();
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be an integer, got " + describe(value));
	}

	public boolean bool(String name, boolean fallback) {
		Object value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be true or false, got " + describe(value));
	}

	@SuppressWarnings("unchecked")
	public Args object(String name) {
		Object value = this.values.get(name);
		if (value instanceof Map<?, ?> map) {
			return new Args((Map<String, Object>) map);
		}
		throw new InvalidArgumentsException("argument '" + name + "' is required (an object), got " + describe(value));
	}

	@SuppressWarnings("unchecked")
	public @Nullable Args optionalObject(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return new Args((Map<String, Object>) map);
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be an object, got " + describe(value));
	}

	public List<Object> list(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			// List.copyOf (and indexOf on an immutable list) would throw a bare
			// NullPointerException
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) == null) {
					throw new InvalidArgumentsException(
							"argument '" + name + "' has an empty item (null) at position " + (i + 1) + "; remove it");
				}
			}
			return List.copyOf(list);
		}
		throw new InvalidArgumentsException("argument '" + name + "' must be an array, got " + describe(value));
	}

	public List<String> strings(String name) {
		return list(name).stream().map((item) -> {
			if (item instanceof String text) {
				return text;
			}
			throw new InvalidArgumentsException(
					"argument '" + name + "' must be an array of strings, got an item " + describe(item));
		}).toList();
	}

	public List<Args> objects(String name) {
		return list(name).stream().map((item) -> {
			if (item instanceof Map<?, ?>) {
				return new Args(Map.of("item", item)).object("item");
			}
			throw new InvalidArgumentsException(
					"argument '" + name + "' must be an array of objects, got an item " + describe(item));
		}).toList();
	}

	public boolean has(String name) {
		return this.values.get(name) != null;
	}

	private static String describe(@Nullable Object value) {
		if (value == null) {
			return "nothing";
		}
		if (value instanceof String) {
			return "a string";
		}
		if (value instanceof Number) {
			return "a number";
		}
		if (value instanceof Boolean) {
			return "a boolean";
		}
		if (value instanceof List) {
			return "an array";
		}
		return "an object";
	}

}
