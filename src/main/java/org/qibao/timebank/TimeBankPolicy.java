package org.qibao.timebank;

/**
 * A community's time-bank rules: how much patrol time is credited per day and in total (the
 * rest is kept as honour minutes), and how much a person may give away.
 *
 * @param totalEarningCap null for no lifetime cap
 */
public record TimeBankPolicy(long communityId, int dailyEarningCap, Integer totalEarningCap, int giftMaxMinutes,
		int giftMonthlyMinutes) {

	private static final int MINUTES_PER_DAY = 1440;

	/** Refuses figures out of range, naming the field at fault. */
	void validate() {
		require(this.dailyEarningCap >= 1 && this.dailyEarningCap <= MINUTES_PER_DAY, "dailyEarningCap");
		require(this.totalEarningCap == null || this.totalEarningCap >= 1, "totalEarningCap");
		require(this.giftMaxMinutes >= 1 && this.giftMaxMinutes <= MINUTES_PER_DAY, "giftMaxMinutes");
		require(this.giftMonthlyMinutes >= this.giftMaxMinutes && this.giftMonthlyMinutes <= 31 * MINUTES_PER_DAY,
				"giftMonthlyMinutes");
	}

	private static void require(boolean valid, String field) {
		if (!valid) {
			throw new org.qibao.shared.BusinessRuleException("INVALID_INPUT", field);
		}
	}

	/** Minutes creditable now, given what was already credited today and in total. */
	int creditable(int verifiedMinutes, long creditedToday, long creditedInTotal) {
		long room = this.dailyEarningCap - creditedToday;
		if (this.totalEarningCap != null) {
			room = Math.min(room, this.totalEarningCap - creditedInTotal);
		}
		return (int) Math.max(0, Math.min(verifiedMinutes, room));
	}

}
