package org.qibao.merchant;

import java.time.Instant;

import org.qibao.shared.Identified;

/**
 * A one-time code for one offer, bound to one volunteer and one merchant, holding the offer's
 * minutes until staff confirm it (REDEEMED), the volunteer cancels it, or it expires.
 *
 * @param code the short code a person reads out and types
 * @param qrPayload the long random token the QR code carries; null when shown to staff
 */
public record Redemption(long id, long offerId, long merchantId, long communityId, long volunteerId, int minutes,
		long holdId, String code, String qrPayload, RedemptionStatus status, Instant expiresAt, Instant createdAt,
		Instant settledAt) implements Identified {

	/** The same redemption without its QR token, which only the volunteer may see. */
	Redemption forStaff() {
		return new Redemption(this.id, this.offerId, this.merchantId, this.communityId, this.volunteerId, this.minutes,
				this.holdId, this.code, null, this.status, this.expiresAt, this.createdAt, this.settledAt);
	}

	boolean liveAt(Instant now) {
		return this.status == RedemptionStatus.ISSUED && now.isBefore(this.expiresAt);
	}

}
