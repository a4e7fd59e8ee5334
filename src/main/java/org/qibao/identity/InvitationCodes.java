package org.qibao.identity;

import java.security.SecureRandom;

/**
 * Invitation codes: eight characters that are easy to read aloud and type on a phone, from an
 * alphabet without the look-alikes 0/O and 1/I (31^8, about 8.5 × 10^11 codes, with guessing
 * throttled). Only a code's keyed hash is stored ({@link InvitationCodeHashes}).
 */
final class InvitationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private InvitationCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A code as typed (lower case, spaces or dashes between groups, full-width letters) in its
	 * canonical form; empty when it cannot be a code.
	 */
	static String normalise(String typed) {
		if (typed == null || typed.length() > 40) {
			return "";
		}
		StringBuilder code = new StringBuilder();
		typed.codePoints()
			.map(c -> (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c)
			.filter(c -> !Character.isWhitespace(c) && c != '-' && c != '\u3000')
			.map(Character::toUpperCase)
			.forEach(code::appendCodePoint);
		String canonical = code.toString();
		return (canonical.length() == LENGTH && canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) ? canonical
				: "";
	}


}
