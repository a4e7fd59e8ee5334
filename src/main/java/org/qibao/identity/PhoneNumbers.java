package org.qibao.identity;

/** Phone numbers as people type them: with spaces, dashes or a +86 country prefix. */
public final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/** Digits only, without the mainland China prefix; empty when nothing like a number is left. */
	public static String normalise(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = phone.replaceAll("[\\s()-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		return digits.matches("[0-9]{5,20}") ? digits : "";
	}

}
