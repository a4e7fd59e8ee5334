package org.qibao.bench;

/**
 * The operations the web client sends, as the benchmarks send them: read from its sources by the
 * tests' own reader ({@code org.qibao.WebClientDocuments}, compiled in by run.sh), so a benchmark
 * sends a screen's very query, by name, with its fragments.
 */
final class WebClientDocuments {

	private WebClientDocuments() {
	}

	static String operation(String name) {
		return org.qibao.WebClientDocuments.operation(name);
	}

	/** A JSON string literal. */
	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

}
