package org.qibao.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's answer to one fuzzed request, and what the fuzz properties ask of it. */
record FuzzAnswer(String operation, int status, String body, long millis) {

	/** The most characters of its input an answer may repeat. */
	static final int ECHO_BOUND = 200;

	/** A text of an answer longer than this is itself a defect, echo or not. */
	private static final int LONGEST_TEXT = 5_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonNode tree() {
		try {
			return JSON.readTree(this.body);
		}
		catch (RuntimeException ex) {
			return JSON.missingNode();
		}
	}

	boolean hasErrors() {
		return this.status >= 400 || tree().path("errors").size() > 0;
	}

	/** The HTTP status and the first error's classification or a user error's code, e.g. {@code 200 BAD_REQUEST}. */
	String outcome() {
		JsonNode error = tree().path("errors").path(0);
		if (!error.isMissingNode()) {
			return this.status + " " + error.path("extensions").path("classification").asString("?");
		}
		JsonNode userError = JSON.missingNode();
		for (JsonNode field : tree().path("data")) {
			userError = field.path("userErrors").path(0);
		}
		return this.status + (userError.isMissingNode() ? " data" : " userError " + userError.path("code").asString("?"));
	}

	List<String> internalErrors() {
		List<String> internal = new ArrayList<>();
		for (JsonNode error : tree().path("errors")) {
			String classification = error.path("extensions").path("classification").asString("");
			if ("INTERNAL_ERROR".equals(classification)) {
				internal.add(error.toString());
			}
		}
		return internal;
	}

	/** Texts of the answer that repeat more than {@link #ECHO_BOUND} characters of an input string. */
	List<String> echoes(Map<String, Object> variables) {
		List<String> inputs = new ArrayList<>();
		collect(variables, inputs);
		List<String> echoes = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		texts(tree(), texts);
		if (inputs.isEmpty() || texts.stream().noneMatch(text -> text.length() > ECHO_BOUND)) {
			texts.stream().filter(text -> text.length() > LONGEST_TEXT).forEach(echoes::add);
			return echoes;
		}
		Set<String> windows = windows(inputs);
		for (String text : texts) {
			if (text.length() > LONGEST_TEXT || repeats(text, windows)) {
				echoes.add(text.length() > 300 ? text.substring(0, 300) + "…" : text);
			}
		}
		return echoes;
	}

	/** Every stretch of ECHO_BOUND + 1 characters of the long inputs (their texts are unique stretch by stretch). */
	private static Set<String> windows(List<String> inputs) {
		Set<String> windows = new HashSet<>();
		for (String input : inputs) {
			for (int i = 0; i + ECHO_BOUND < input.length(); i += 1) {
				windows.add(input.substring(i, i + ECHO_BOUND + 1));
			}
		}
		return windows;
	}

	private static boolean repeats(String text, Set<String> windows) {
		for (int i = 0; i + ECHO_BOUND < text.length(); i++) {
			if (windows.contains(text.substring(i, i + ECHO_BOUND + 1))) {
				return true;
			}
		}
		return false;
	}

	private static void collect(Object value, List<String> inputs) {
		if (value instanceof String text && text.length() > ECHO_BOUND) {
			inputs.add(text);
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach(item -> collect(item, inputs));
		}
		else if (value instanceof List<?> list) {
			// a long list repeats one item: look at each distinct one once
			new HashSet<>(list).forEach(item -> collect(item, inputs));
		}
	}

	private static void texts(JsonNode node, List<String> texts) {
		if (node.isString()) {
			texts.add(node.asString());
		}
		node.forEach(child -> texts(child, texts));
	}

	@Override
	public String toString() {
		String shown = this.body.length() > 1_500 ? this.body.substring(0, 1_500) + "…" : this.body;
		return this.operation + " → HTTP " + this.status + " in " + this.millis + " ms: " + shown;
	}

}
