package org.qibao.shared;

/**
 * What text a client may send: anything but control characters. NUL cannot be stored by
 * PostgreSQL at all, and the other C0 controls have no place in a name, an address or a note;
 * tab, line feed and carriage return are ordinary text.
 */
public final class InputText {

	/** How much of a refused input a message quotes back: enough to recognise it, never the whole. */
	public static final int ECHO_LIMIT = 40;

	private InputText() {
	}

	/** Whether the text holds a control character other than tab, line feed and carriage return. */
	public static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	/** The start of a refused input, for a message: at most {@link #ECHO_LIMIT} characters, controls shown as U+XXXX escapes. */
	public static String echo(String text) {
		if (text == null) {
			return "null";
		}
		String start = text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) : text;
		StringBuilder shown = new StringBuilder(start.length() + 8);
		start.codePoints().forEach(c -> {
			if (Character.isISOControl(c)) {
				shown.append(String.format("\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return text.length() > ECHO_LIMIT ? shown.append("…").toString() : shown.toString();
	}

}
