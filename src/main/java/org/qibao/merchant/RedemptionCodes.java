package org.qibao.merchant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Makes and reads redemption codes: a long random token for the QR code, and a short code of
 * six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), which a
 * person can read out across a counter. Short codes are only unique among a merchant's live
 * codes; guessing one is held off by the attempt limit, not by its length alone.
 */
final class RedemptionCodes {

	static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

	static final int SHORT_LENGTH = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RedemptionCodes() {
	}

	static String shortCode() {
		StringBuilder code = new StringBuilder(SHORT_LENGTH);
		for (int i = 0; i < SHORT_LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * What staff typed or scanned: a short code (any case, spaces and dashes ignored) or a
	 * token; null when it cannot be either.
	 */
	static Typed read(String input) {
		if (input == null) {
			return null;
		}
		String trimmed = input.trim();
		if (trimmed.length() >= 32 && trimmed.length() <= 64 && trimmed.matches("[A-Za-z0-9_\\-]+")) {
			return new Typed(trimmed, null);
		}
		String compact = trimmed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (compact.length() == SHORT_LENGTH && compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return new Typed(null, compact);
		}
		return null;
	}

	/** A typed code: exactly one of the two is set. */
	record Typed(String token, String shortCode) {
	}

}
