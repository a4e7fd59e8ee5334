package org.qibao.timebank;

import java.time.Instant;

import org.qibao.shared.Identified;

/**
 * An administrator's correction of the ledger: the reversal of an earlier transfer, or an
 * adjustment of a passbook from or to the community's issuing account. It moves minutes by a new
 * transfer once applied, never by changing one.
 *
 * @param passbookOwnerId the volunteer whose passbook it touches, or null when it touches none
 * @param passbookMinutes minutes into (positive) or out of (negative) that passbook
 * @param reversesTransferId the transfer a reversal moves back; null for an adjustment
 * @param needsApproval whether it was above the community's threshold, so a second administrator decides
 * @param transferId the transfer it made once applied
 */
record LedgerCorrection(long id, long communityId, Kind kind, Status status, long fromAccountId, long toAccountId,
		long minutes, Long passbookOwnerId, long passbookMinutes, Long reversesTransferId, String reason,
		boolean needsApproval, long requestedBy, Instant requestedAt, Long decidedBy, Instant decidedAt, Long transferId)
		implements Identified {

	enum Kind {

		ADJUSTMENT, REVERSAL

	}

	enum Status {

		PENDING, APPLIED, REFUSED

	}

}
