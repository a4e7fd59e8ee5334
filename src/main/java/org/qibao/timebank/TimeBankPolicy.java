package org.qibao.timebank;

/**
 * A community's time-bank rules: how much patrol time is credited per day and in total (the
 * rest is kept as honour minutes), and how much a person may give away.
 *
 * @param totalEarningCap null for no lifetime cap
 */
public record TimeBankPolicy(long communityId, int dailyEarningCap, Integer totalEarningCap, int giftMaxMinutes,
		int giftMonthlyMinutes) {

	/** Minutes creditable now, given what was already credited today and in total. */
	int creditable(int verifiedMinutes, long creditedToday, long creditedInTotal) {
		long room = this.dailyEarningCap - creditedToday;
		if (this.totalEarningCap != null) {
			room = Math.min(room, this.totalEarningCap - creditedInTotal);
		}
		return (int) Math.max(0, Math.min(verifiedMinutes, room));
	}

}
