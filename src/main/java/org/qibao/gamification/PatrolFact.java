package org.qibao.gamification;

import java.time.Instant;
import java.util.List;

import org.qibao.patrol.AttendanceVerified;

/** A verified patrol as gamification keeps it. */
record PatrolFact(long attendanceId, long accountId, long communityId, Long teamId, List<Long> gridIds,
		Instant patrolledAt, Instant shiftStartsAt, Instant checkedOutAt, int verifiedMinutes, int checkpoints,
		Long proxiedBy, Instant verifiedAt) {

	static PatrolFact of(AttendanceVerified event) {
		AttendanceVerified.Patrol patrol = event.patrol();
		if (patrol == null) {
			return new PatrolFact(event.attendanceId(), event.accountId(), event.communityId(), null, List.of(),
					event.verifiedAt(), null, null, Math.max(0, event.verifiedMinutes()), 0, null, event.verifiedAt());
		}
		return new PatrolFact(event.attendanceId(), event.accountId(), event.communityId(), patrol.teamId(),
				patrol.gridIds() == null ? List.of() : patrol.gridIds(),
				patrol.checkedInAt() != null ? patrol.checkedInAt() : event.verifiedAt(), patrol.shiftStartsAt(),
				patrol.checkedOutAt(), Math.max(0, event.verifiedMinutes()), Math.max(0, patrol.checkpointsVisited()),
				patrol.checkedInBy(), event.verifiedAt());
	}

}
