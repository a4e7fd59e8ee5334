package org.qibao.identity;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time password reset codes as people read them aloud and type them: eight characters from
 * an alphabet without the look-alikes 0/O, 1/I/L, so that a captain can read one out to an elderly
 * member beside them. 31^8 ≈ 8.5·10^11 codes, of which a guesser may try a handful per window.
 */
final class ResetCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ResetCodes() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as typed, in capitals without spaces or dashes; empty when it cannot be a code. */
	static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : "";
	}

}
