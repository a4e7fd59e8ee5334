package org.qibao.patrol;

import java.time.Instant;

/**
 * Attendance became final with a number of verified patrol minutes: automatically for clean
 * attendance, or by a captain's review. The time bank credits the minutes, exactly once per
 * attendance.
 *
 * @param attendanceId the attendance (one per check-in); the idempotency key of the credit
 * @param accountId the volunteer who patrolled
 * @param communityId the community whose issuing account pays
 * @param verifiedMinutes whole minutes, zero or more
 * @param verifiedAt when the attendance became final
 * @param verifiedBy the captain who approved it, or null when verified automatically
 */
public record AttendanceVerified(long attendanceId, long accountId, long communityId, int verifiedMinutes,
		Instant verifiedAt, Long verifiedBy) {
}
