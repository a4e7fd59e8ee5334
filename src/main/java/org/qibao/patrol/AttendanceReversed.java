package org.qibao.patrol;

import java.time.Instant;

/**
 * Attendance that had been verified no longer counts (a captain's later review found it was not
 * a real patrol). Whatever it earned outside patrol is taken back by a reversing entry, never by
 * an edit.
 *
 * @param attendanceId the attendance
 * @param accountId the volunteer
 * @param communityId the community
 * @param reversedAt when it stopped counting
 * @param reversedBy who decided, or null when decided automatically
 */
public record AttendanceReversed(long attendanceId, long accountId, long communityId, Instant reversedAt,
		Long reversedBy) {
}
