package org.qibao.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of who may call each query, mutation and subscription: {@code authorisation-matrix.csv},
 * one line per operation, one column per kind of caller.
 */
record AuthorisationMatrix(List<String> columns, Map<String, Entry> entries) {

	/** The callers of the table's columns, in order. */
	static final List<String> CALLERS = List.of("anonymous", "volunteer", "captain-own", "captain-other-team",
			"grid-worker-own", "grid-worker-other", "administrator-own", "administrator-other", "merchant-own",
			"merchant-other", "city-administrator");

	/** What a caller should meet: the operation, or a refusal. */
	enum Outcome {

		PUBLIC, ALLOWED, UNAUTHORIZED, FORBIDDEN,
		/** Refused as the payload's user error {@code NOT_ALLOWED}: the caller sees the object, but may not take this step. */
		NOT_ALLOWED, NOT_APPLICABLE;

		static Outcome of(String cell) {
			return switch (cell) {
				case "public" -> PUBLIC;
				case "allowed" -> ALLOWED;
				case "UNAUTHORIZED" -> UNAUTHORIZED;
				case "FORBIDDEN" -> FORBIDDEN;
				case "NOT_ALLOWED" -> NOT_ALLOWED;
				case "n/a" -> NOT_APPLICABLE;
				default -> throw new IllegalArgumentException("Not an outcome: " + cell);
			};
		}

		boolean refused() {
			return this == UNAUTHORIZED || this == FORBIDDEN || this == NOT_ALLOWED;
		}

	}

	/** One operation's line: the outcome for each caller, and why. */
	record Entry(String operation, Map<String, Outcome> outcomes, String why) {

		Outcome of(String caller) {
			return this.outcomes.get(caller);
		}

	}

	static AuthorisationMatrix load() throws IOException {
		try (InputStream in = AuthorisationMatrix.class.getResourceAsStream("/authorisation-matrix.csv")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.toList();
			List<String> header = Arrays.asList(lines.get(0).split(","));
			if (!header.subList(1, 1 + CALLERS.size()).equals(CALLERS)) {
				throw new IllegalStateException("The matrix's columns should be " + CALLERS + ", not " + header);
			}
			Map<String, Entry> entries = new LinkedHashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				Entry entry = entry(line);
				if (entries.put(entry.operation(), entry) != null) {
					throw new IllegalStateException("Two lines for " + entry.operation());
				}
			}
			return new AuthorisationMatrix(header, entries);
		}
	}

	private static Entry entry(String line) {
		String[] cells = line.split(",", CALLERS.size() + 2);
		if (cells.length < CALLERS.size() + 1) {
			throw new IllegalStateException("A cell for each caller is missing: " + line);
		}
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		for (int i = 0; i < CALLERS.size(); i++) {
			outcomes.put(CALLERS.get(i), Outcome.of(cells[i + 1].strip()));
		}
		String why = cells.length > CALLERS.size() + 1 ? cells[CALLERS.size() + 1].replace("\"", "").strip() : "";
		return new Entry(cells[0].strip(), outcomes, why);
	}

}
