package org.qibao.shared;

/**
 * How a text cell goes into a CSV file that people open in a spreadsheet program: quoted, with
 * a leading formula character ({@code = + - @}) defused by a quote mark so that a name such as
 * {@code =HYPERLINK(…)} stays text.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** The cell quoted and defused; an absent value is an empty cell. */
	public static String quoted(String field) {
		String safe = field == null ? "" : field;
		if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
