package io.ruche.toolbox.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.toolbox.port.JsonCodec;

/** A tiny hand-written JSON codec: the toolbox may not use Jackson, even in tests. */
public final class TestJson implements JsonCodec {

	@Override
	public String encode(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			out.append('"');
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> out.append((c < 0x20) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
				}
			}
			out.append('"');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",");
				first = false;
				write(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i > 0) ? "," : "");
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not JSON-like: " + value.getClass());
		}
	}

	@Override
	public Object decode(String json) {
		Parser parser = new Parser(json);
		Object value = parser.value();
		parser.skipSpace();
		if (parser.at < json.length()) {
			throw new IllegalArgumentException("trailing characters at " + parser.at);
		}
		return value;
	}

	private static final class Parser {

		private final String text;

		private int at;

		Parser(String text) {
			this.text = text;
		}

		void skipSpace() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		Object value() {
			skipSpace();
			if (this.at >= this.text.length()) {
				throw new IllegalArgumentException("unexpected end");
			}
			char c = this.text.charAt(this.at);
			if (c == '{') {
				return object();
			}
			if (c == '[') {
				return array();
			}
			if (c == '"') {
				return string();
			}
			for (String literal : List.of("true", "false", "null")) {
				if (this.text.startsWith(literal, this.at)) {
					this.at += literal.length();
					return literal.equals("null") ? null : Boolean.valueOf(literal);
				}
			}
			return number();
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.at++;
			skipSpace();
			if (this.text.charAt(this.at) == '}') {
				this.at++;
				return map;
			}
			while (true) {
				skipSpace();
				String key = string();
				skipSpace();
				expect(':');
				map.put(key, value());
				skipSpace();
				if (this.text.charAt(this.at++) == '}') {
					return map;
				}
			}
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			this.at++;
			skipSpace();
			if (this.text.charAt(this.at) == ']') {
				this.at++;
				return list;
			}
			while (true) {
				list.add(value());
				skipSpace();
				if (this.text.charAt(this.at++) == ']') {
					return list;
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (this.text.charAt(this.at) != '"') {
				char c = this.text.charAt(this.at++);
				if (c == '\\') {
					char escaped = this.text.charAt(this.at++);
					switch (escaped) {
						case 'n' -> out.append('\n');
						case 'r' -> out.append('\r');
						case 't' -> out.append('\t');
						case 'u' -> {
							out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> out.append(escaped);
					}
				}
				else {
					out.append(c);
				}
			}
			this.at++;
			return out.toString();
		}

		private Number number() {
			int start = this.at;
			while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			String number = this.text.substring(start, this.at);
			if (number.isEmpty()) {
				throw new IllegalArgumentException("unexpected character at " + start);
			}
			if (number.contains(".") || number.contains("e") || number.contains("E")) {
				return Double.valueOf(number);
			}
			return Long.valueOf(number);
		}

		private void expect(char c) {
			if (this.text.charAt(this.at) != c) {
				throw new IllegalArgumentException("expected '" + c + "' at " + this.at);
			}
			this.at++;
		}

	}

}
