package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** The verification of one closed check-in: automatic, or awaiting or after a captain's review. */
record Attendance(long id, long checkInId, long shiftId, long accountId, long teamId, long communityId, String status,
		int checkedInMinutes, int coveredMinutes, String reviewReason, Integer verifiedMinutes, Instant decidedAt,
		Long decidedBy, String rejectionReason) implements Identified {

	static final String SELECT = """
			SELECT a.id, a.check_in_id, c.shift_id, c.account_id, s.team_id, t.community_id, a.status, a.checked_in_minutes,
			       a.covered_minutes, a.review_reason, a.verified_minutes, a.decided_at, a.decided_by, a.rejection_reason
			FROM attendance a JOIN check_in c ON c.id = a.check_in_id JOIN shift s ON s.id = c.shift_id
			JOIN team t ON t.id = s.team_id""";

}
