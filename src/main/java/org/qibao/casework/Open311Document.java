package org.qibao.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An Open311 answer: a list of records (services, requests, errors) written as the spec's JSON (an
 * array of objects) or XML ({@code <root><element><field>…</field></element></root>}).
 */
record Open311Document(String root, String element, List<Map<String, Object>> records) {

	static Map<String, Object> record(Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	String json(JsonMapper json) {
		return json.writeValueAsString(this.records);
	}

	String xml() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(this.root).append('>');
		for (Map<String, Object> fields : this.records) {
			xml.append('<').append(this.element).append('>');
			fields.forEach((name, value) -> field(xml, name, value));
			xml.append("</").append(this.element).append('>');
		}
		return xml.append("</").append(this.root).append(">\n").toString();
	}

	private static void field(StringBuilder xml, String name, Object value) {
		if (value == null) {
			xml.append('<').append(name).append("/>");
		}
		else if (value instanceof List<?> items) {
			// a list (a service definition's attributes) is empty here: written as an empty element
			xml.append('<').append(name).append('>');
			items.forEach(item -> field(xml, "item", item));
			xml.append("</").append(name).append('>');
		}
		else {
			xml.append('<').append(name).append('>').append(escaped(value.toString())).append("</").append(name).append('>');
		}
	}

	/** The text with XML's special characters escaped and the characters XML 1.0 cannot carry left out. */
	static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
							|| c >= 0x10000) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

}
