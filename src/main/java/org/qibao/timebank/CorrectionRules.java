package org.qibao.timebank;

import org.qibao.shared.BusinessRuleException;

/** The rules a correction must pass before anything is written, each refusal naming its reason. */
final class CorrectionRules {

	static final int MAX_REASON_LENGTH = 200;

	private CorrectionRules() {
	}

	/** The reason, trimmed; a correction without one is refused. */
	static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("REASON_REQUIRED", "reason");
		}
		if (reason.trim().length() > MAX_REASON_LENGTH) {
			throw new BusinessRuleException("REASON_TOO_LONG", "reason", MAX_REASON_LENGTH);
		}
		return reason.trim();
	}

	static void amount(long minutes) {
		if (minutes <= 0) {
			throw new BusinessRuleException("INVALID_AMOUNT", "minutes");
		}
		if (minutes > TimeBankPolicy.MAX_CORRECTION_MINUTES) {
			throw new BusinessRuleException("CORRECTION_TOO_LARGE", "minutes", TimeBankPolicy.MAX_CORRECTION_MINUTES);
		}
	}

	/**
	 * A reversal is itself a correction: a wrong one is put right with an adjustment, not with a
	 * reversal of the reversal, so that a transfer's story never loops. A course fee is refunded by
	 * cancelling the enrolment, which gives the seat back too.
	 */
	static void reversible(Transfer original) {
		if (original.kind() == TransferKind.REVERSAL) {
			throw new BusinessRuleException("REVERSAL_NOT_REVERSIBLE", "transferId");
		}
		if (original.kind() == TransferKind.SCHOOL_ENROLMENT) {
			throw new BusinessRuleException("ENROLMENT_NOT_REVERSIBLE", "transferId");
		}
	}

	/** An administrator never corrects, nor approves a correction of, their own passbook. */
	static void notOwnPassbook(long volunteerId, long actorId) {
		if (volunteerId == actorId) {
			throw new BusinessRuleException("OWN_PASSBOOK", null);
		}
	}

	static void notOwnPassbook(LedgerAccount account, long actorId) {
		if (account.kind() == AccountKind.PASSBOOK) {
			notOwnPassbook(account.ownerId(), actorId);
		}
	}

	/** Nobody's account but the issuing one goes below zero, counting what open holds reserve. */
	static void mayDebit(LedgerAccount account, long minutes, String field) {
		if (!account.mayGoNegative() && account.available() < minutes) {
			throw new BusinessRuleException("WOULD_OVERDRAW", field, Math.max(0, account.available()));
		}
	}

	/** The earlier adjustment with this key, when the repeated request is the same one. */
	static LedgerCorrection sameAdjustment(LedgerCorrection earlier, long volunteerId, long passbookMinutes, String reason) {
		boolean same = earlier.kind() == LedgerCorrection.Kind.ADJUSTMENT && earlier.passbookOwnerId() != null
				&& earlier.passbookOwnerId() == volunteerId && earlier.passbookMinutes() == passbookMinutes
				&& earlier.reason().equals(reason);
		if (!same) {
			throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
		}
		return earlier;
	}

}
