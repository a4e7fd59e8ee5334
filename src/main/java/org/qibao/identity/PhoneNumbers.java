package org.qibao.identity;

/**
 * Phone numbers as people type them: with spaces, dashes, dots or brackets, a +86 or 0086
 * country prefix, and digits typed full-width (０-９, as Chinese input methods give them).
 */
public final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/** Digits only, without the mainland China prefix; empty when nothing like a number is left. */
	public static String normalise(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = halfWidth(phone.strip()).replaceAll("[\\s()\\-.\u3000]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		else if (digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		return digits.matches("[0-9]{5,20}") ? digits : "";
	}

	/** Full-width digits, plus, minus and brackets (U+FF01–FF5E) as their ASCII counterparts. */
	private static String halfWidth(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		text.codePoints()
			.map(c -> (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c)
			.forEach(plain::appendCodePoint);
		return plain.toString();
	}

}
