package org.qibao.merchant;

import java.time.Instant;

import org.qibao.shared.Identified;

/**
 * A discount a merchant gives for minutes, e.g. "haircut 10 yuan off for 60 minutes".
 *
 * @param dailyLimit codes one volunteer may redeem per day, or null for no limit
 * @param monthlyLimit codes one volunteer may redeem per month, or null for no limit
 * @param stock units in all, or null for no limit
 * @param stockLeft units neither redeemed nor reserved by a live code, or null for no limit
 */
public record Offer(long id, long merchantId, String title, String description, String discount, int priceMinutes,
		Instant validFrom, Instant validUntil, Integer dailyLimit, Integer monthlyLimit, Integer stock, Integer stockLeft,
		OfferStatus status) implements Identified {

	/** Whether a volunteer could ask for a code now (stock and limits aside). */
	public boolean current(Instant now) {
		return this.status == OfferStatus.ACTIVE && !now.isBefore(this.validFrom) && now.isBefore(this.validUntil);
	}

}
