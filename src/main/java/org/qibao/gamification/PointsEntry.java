package org.qibao.gamification;

import java.time.Instant;

/** One entry of the points ledger, as the ledger and the leaderboards see it. */
record PointsEntry(long id, long accountId, long communityId, long streetId, long cityId, Long teamId, String source,
		long sourceId, int points, Instant recordedAt, Instant countsAt, String countsWeek, String countsMonth) {

	static final String COLUMNS = "id, account_id, community_id, street_id, city_id, team_id, source, source_id, points, "
			+ "recorded_at, counts_at, counts_week, counts_month";

	/** What a volunteer sees: e.g. {@code attendance:42}. */
	String sourceRef() {
		return switch (this.source) {
			case "PATROL", "CHECKPOINTS", "PROXY_PATROL" -> "attendance:" + this.sourceId;
			case "VERIFIED_REPORT" -> "case:" + this.sourceId;
			case "GIFT" -> "gift:" + this.sourceId;
			default -> "entry:" + this.sourceId;
		};
	}

}
