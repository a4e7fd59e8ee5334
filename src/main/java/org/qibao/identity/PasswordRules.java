package org.qibao.identity;

import org.qibao.shared.BusinessRuleException;

/** What a new password must be: long enough, and not something anyone who knows the person would try first. */
final class PasswordRules {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 200;

	private PasswordRules() {
	}

	/** Refuses a weak new password with {@code WEAK_PASSWORD} on {@code newPassword}. */
	static void check(String password, String phone) {
		if (password == null || password.length() > MAX_LENGTH) {
			throw new BusinessRuleException("INVALID_INPUT", "newPassword");
		}
		boolean weak = password.length() < MIN_LENGTH || password.chars().distinct().count() < 3
				|| password.contains(phone) || "12345678901234567890".contains(password)
				|| "98765432109876543210".contains(password);
		if (weak) {
			throw new BusinessRuleException("WEAK_PASSWORD", "newPassword", MIN_LENGTH);
		}
	}

}
