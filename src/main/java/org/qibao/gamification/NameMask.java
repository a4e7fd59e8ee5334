package org.qibao.gamification;

/** How a hidden name shows on public boards: first and last character, a star between (肖建国 → 肖*国). */
final class NameMask {

	private NameMask() {
	}

	static String of(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		int[] chars = name.strip().codePoints().toArray();
		if (chars.length == 1) {
			return "*";
		}
		if (chars.length == 2) {
			return new String(chars, 0, 1) + "*";
		}
		return new String(chars, 0, 1) + "*" + new String(chars, chars.length - 1, 1);
	}

}
