package org.qibao.patrol;

import org.qibao.shared.BusinessRuleException;

/** Refuses a command with a user error unless a rule holds. */
final class Rules {

	private Rules() {
	}

	static void require(boolean holds, String code, String field, Object... args) {
		if (!holds) {
			throw new BusinessRuleException(code, field, args);
		}
	}

	static String reason(String text, String field) {
		require(text != null && !text.isBlank() && text.length() <= 200, "REASON_REQUIRED", field);
		return text.trim();
	}

}
