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

	private final PatrolQueries queries;

	private final Teams teams;

	LiveSessions(ObjectProvider<PatrolSessions> sessions, PatrolQueries queries, Teams teams) {
		this.sessions = sessions;
		this.queries = queries;
		this.teams = teams;
	}

	void opened(CheckIn checkIn, Shift shift) {
		PatrolSessions location = this.sessions.getIfAvailable();
		if (location == null) {
			return;
		}
		long communityId = this.teams.findAll(List.of(shift.teamId())).get(shift.teamId()).communityId();
		List<Long> gridIds = this.queries.gridIdsOfShifts(List.of(shift.id())).getOrDefault(shift.id(), List.of());
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
