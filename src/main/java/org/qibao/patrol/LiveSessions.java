package org.qibao.patrol;

import java.util.List;

import org.qibao.location.PatrolSessions;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands the location module what a phone's position reports need when a check-in opens and
 * closes, in the check-in's own transaction: the seam runs one way, so the location module never
 * asks the patrol module about a check-in. Without a location module, there is nobody to tell.
 */
@Component
class LiveSessions {

	private final ObjectProvider<PatrolSessions> sessions;

	LiveSessions(ObjectProvider<PatrolSessions> sessions) {
		this.sessions = sessions;
	}

	/** The check-in has opened on a shift of the community's, patrolling these grids. */
	void opened(CheckIn checkIn, Shift shift, long communityId, List<Long> gridIds) {
		PatrolSessions location = this.sessions.getIfAvailable();
		if (location == null) {
			return;
		}
		location.opened(new ActiveCheckIn(checkIn.id(), checkIn.accountId(), communityId, shift.teamId(), gridIds,
				shift.startsAt(), shift.endsAt(), checkIn.checkedInAt(), null, checkIn.reportedBy()));
	}

	void closed(CheckIn checkIn) {
		PatrolSessions location = this.sessions.getIfAvailable();
		if (location != null) {
			location.closed(checkIn.id(), checkIn.checkedOutAt());
		}
	}

}
