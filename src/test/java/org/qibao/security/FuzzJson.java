package org.qibao.security;

import java.util.List;
import java.util.Map;

/**
 * Writes the fuzzer's values as JSON by hand: a JSON library would refuse to write what the
 * fuzzer must send (lists nested 2000 deep) or would write it differently (a double's NaN).
 */
final class FuzzJson {

	private FuzzJson() {
	}

	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json);
		return json.toString();
	}

	private static void write(Object value, StringBuilder json) {
		if (value == null || value == HostileValues.NULL || value == HostileValues.OMITTED) {
			json.append("null");
		}
		else if (value instanceof String text) {
			string(text, json);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(separator);
				string(entry.getKey().toString(), json);
				json.append(':');
				write(entry.getValue(), json);
				separator = ",";
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append(i == 0 ? "" : ",");
				write(list.get(i), json);
			}
			json.append(']');
		}
		else {
			json.append(value);
		}
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				// a lone surrogate is sent escaped, as a JSON text may carry it
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

}
