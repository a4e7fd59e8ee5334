package org.qibao.merchant;

import java.util.List;

/**
 * A merchant's monthly settlement: the codes confirmed in one calendar month of its community,
 * and the minutes they brought, by offer.
 *
 * @param month the month as {@code YYYY-MM}
 */
public record Settlement(long merchantId, String month, int redemptions, int minutes, List<Line> offers) {

	/** One offer's share of the month. */
	public record Line(long offerId, int redemptions, int minutes) {
	}

}
