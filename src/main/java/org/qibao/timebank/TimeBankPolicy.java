package org.qibao.timebank;

/**
 * A community's time-bank rules: how much patrol time is credited per day and in total (the
 * rest is kept as honour minutes), how much a person may give away, and from how many minutes a
 * ledger correction needs a second administrator's approval.
 *
 * @param totalEarningCap null for no lifetime cap
 * @param correctionApprovalThreshold corrections of more minutes than this wait for a second administrator
 */
public record TimeBankPolicy(long communityId, int dailyEarningCap, Integer totalEarningCap, int giftMaxMinutes,
		int giftMonthlyMinutes, int correctionApprovalThreshold) {

	private static final int MINUTES_PER_DAY = 1440;

	/** The column's default: two hours, the most one administrator corrects alone. */
	static final int DEFAULT_CORRECTION_APPROVAL_THRESHOLD = 120;

	/** The most minutes one correction may move. */
	static final int MAX_CORRECTION_MINUTES = 6000;

	public TimeBankPolicy(long communityId, int dailyEarningCap, Integer totalEarningCap, int giftMaxMinutes,
			int giftMonthlyMinutes) {
		this(communityId, dailyEarningCap, totalEarningCap, giftMaxMinutes, giftMonthlyMinutes,
				DEFAULT_CORRECTION_APPROVAL_THRESHOLD);
	}

	/** Whether a correction of this many minutes waits for a second administrator. */
	boolean needsApproval(long correctionMinutes) {
		return correctionMinutes > this.correctionApprovalThreshold;
	}

	/** Refuses figures out of range, naming the field at fault. */
	void validate() {
		require(this.dailyEarningCap >= 1 && this.dailyEarningCap <= MINUTES_PER_DAY, "dailyEarningCap");
		require(this.totalEarningCap == null || this.totalEarningCap >= 1, "totalEarningCap");
		require(this.giftMaxMinutes >= 1 && this.giftMaxMinutes <= MINUTES_PER_DAY, "giftMaxMinutes");
		require(this.giftMonthlyMinutes >= this.giftMaxMinutes && this.giftMonthlyMinutes <= 31 * MINUTES_PER_DAY,
				"giftMonthlyMinutes");
		require(this.correctionApprovalThreshold >= 0 && this.correctionApprovalThreshold <= MAX_CORRECTION_MINUTES,
				"correctionApprovalThreshold");
	}

	/** What an administrator changes, for the audit log. */
	java.util.Map<String, Object> figures() {
		java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
		figures.put("dailyEarningCap", this.dailyEarningCap);
		figures.put("totalEarningCap", this.totalEarningCap);
		figures.put("giftMaxMinutes", this.giftMaxMinutes);
		figures.put("giftMonthlyMinutes", this.giftMonthlyMinutes);
		figures.put("correctionApprovalThreshold", this.correctionApprovalThreshold);
		return figures;
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
