package org.qibao.patrol;

import java.util.Optional;

import org.qibao.shared.BusinessRuleException;

/** Refuses a command with a user error unless a rule holds. */
final class Rules {

	/** Why a policy refused: a user-error code, the input field at fault (or null), the message's arguments. */
	record Refusal(String code, String field, Object... args) {
	}

	private Rules() {
	}

	static void require(boolean holds, String code, String field, Object... args) {
		if (!holds) {
			throw new BusinessRuleException(code, field, args);
		}
	}

	/** Throws a policy's refusal, if there is one, as a user error. */
	static void enforce(Optional<Refusal> refusal) {
		refusal.ifPresent(r -> {
			throw new BusinessRuleException(r.code(), r.field(), r.args());
		});
	}

	static String reason(String text, String field) {
		require(text != null && !text.isBlank() && text.length() <= 200, "REASON_REQUIRED", field);
		return text.trim();
	}

}
