package org.qibao.patrol;

import java.time.Instant;
import java.util.List;

/**
 * Attendance became final with a number of verified patrol minutes: automatically for clean
 * attendance, or by a captain's review. The time bank credits the minutes, exactly once per
 * attendance; gamification recognises the patrol.
 *
 * @param attendanceId the attendance (one per check-in); the idempotency key of the credit
 * @param accountId the volunteer who patrolled
 * @param communityId the community whose issuing account pays
 * @param verifiedMinutes whole minutes, zero or more
 * @param verifiedAt when the attendance became final
 * @param verifiedBy the captain who approved it, or null when verified automatically
 * @param patrol what the patrol was (team, grids, times, checkpoints, proxy); null when not known
 */
public record AttendanceVerified(long attendanceId, long accountId, long communityId, int verifiedMinutes,
		Instant verifiedAt, Long verifiedBy, Patrol patrol) {

	/** An attendance known only by its figures (the demo's history, say). */
	public AttendanceVerified(long attendanceId, long accountId, long communityId, int verifiedMinutes,
			Instant verifiedAt, Long verifiedBy) {
		this(attendanceId, accountId, communityId, verifiedMinutes, verifiedAt, verifiedBy, null);
	}

	/**
	 * The patrol behind the attendance.
	 *
	 * @param teamId the team whose shift it was
	 * @param gridIds the grids the shift covered
	 * @param shiftStartsAt when the shift was planned to start
	 * @param checkedInAt when the volunteer checked in
	 * @param checkedOutAt when they checked out
	 * @param checkpointsVisited the shift's checkpoints this check-in visited
	 * @param checkedInBy the captain who checked in a member without a phone (a proxy patrol), or null
	 */
	public record Patrol(long teamId, List<Long> gridIds, Instant shiftStartsAt, Instant checkedInAt,
			Instant checkedOutAt, int checkpointsVisited, Long checkedInBy) {
	}

}
