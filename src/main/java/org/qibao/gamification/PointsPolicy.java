package org.qibao.gamification;

import java.util.ArrayList;
import java.util.List;

/**
 * How many points verified activity earns. Only verified facts reach this policy; one point per
 * verified patrol minute keeps every figure explainable to a volunteer ("you patrolled 95 minutes").
 */
final class PointsPolicy {

	static final int PER_CHECKPOINT = 5;

	static final int PER_PROXY_PATROL = 10;

	static final int PER_VERIFIED_REPORT = 30;

	static final int PER_GIFT = 5;

	/** Gifts that earn per giver and month: helping a neighbour counts, trading minutes back and forth does not pay. */
	static final int GIFTS_EARNING_PER_MONTH = 3;

	private PointsPolicy() {
	}

	/** An entry to write: who earns, from what, and how much. */
	record Award(long accountId, String source, long sourceId, int points, Long teamId) {
	}

	/**
	 * A verified patrol earns its minutes and its checkpoints for the patroller, and a captain who
	 * checked in a member without a phone earns for the help. A patrol of zero minutes earns nothing.
	 */
	static List<Award> forPatrol(PatrolFact patrol) {
		List<Award> awards = new ArrayList<>();
		if (patrol.verifiedMinutes() <= 0) {
			return awards;
		}
		awards.add(new Award(patrol.accountId(), "PATROL", patrol.attendanceId(), patrol.verifiedMinutes(), patrol.teamId()));
		if (patrol.checkpoints() > 0) {
			awards.add(new Award(patrol.accountId(), "CHECKPOINTS", patrol.attendanceId(),
					patrol.checkpoints() * PER_CHECKPOINT, patrol.teamId()));
		}
		if (patrol.proxiedBy() != null && patrol.proxiedBy() != patrol.accountId()) {
			awards.add(new Award(patrol.proxiedBy(), "PROXY_PATROL", patrol.attendanceId(), PER_PROXY_PATROL, patrol.teamId()));
		}
		return awards;
	}

	/** A gift earns while the giver has had fewer than {@link #GIFTS_EARNING_PER_MONTH} gifts earn this month. */
	static List<Award> forGift(long giftId, long senderId, int giftsEarnedThisMonth) {
		return giftsEarnedThisMonth < GIFTS_EARNING_PER_MONTH ? List.of(new Award(senderId, "GIFT", giftId, PER_GIFT, null))
				: List.of();
	}

	static Award forVerifiedReport(long caseId, long reporterId) {
		return new Award(reporterId, "VERIFIED_REPORT", caseId, PER_VERIFIED_REPORT, null);
	}

}
