package org.qibao.patrol;

import java.util.Optional;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.patrol.Rules.Refusal;

/**
 * Who decides attendance in review, and how much an approval may credit. A captain of the team or
 * an administrator of its community reviews; nobody reviews their own attendance (a captain who
 * patrolled is reviewed by another captain or the administrator), and an approval never credits
 * more than the minutes checked in, so a review can only lower what presence showed.
 */
final class ReviewPolicy {

	private ReviewPolicy() {
	}

	/** Whether the actor holds a reviewing role over the attendance's team; without one the request is forbidden. */
	static boolean hasAuthority(Actor actor, Attendance attendance) {
		return actor.has(Role.CAPTAIN, attendance.teamId()) || actor.has(Role.ADMINISTRATOR, attendance.communityId());
	}

	/** Whether the reviewer may decide this attendance: never their own. */
	static Optional<Refusal> reviewer(long reviewerId, Attendance attendance) {
		return reviewerId == attendance.accountId() ? Optional.of(new Refusal("OWN_ATTENDANCE", "attendanceId"))
				: Optional.empty();
	}

	/** An approval credits from 0 up to the whole minutes checked in inside the shift window. */
	static Optional<Refusal> approval(int minutes, Attendance attendance) {
		return minutes >= 0 && minutes <= attendance.checkedInMinutes() ? Optional.empty()
				: Optional.of(new Refusal("INVALID_MINUTES", "minutes", attendance.checkedInMinutes()));
	}

	/** Whether the actor may approve or reject the attendance now: what the review screen offers. */
	static boolean mayDecide(Actor actor, Attendance attendance) {
		return "IN_REVIEW".equals(attendance.status()) && hasAuthority(actor, attendance)
				&& reviewer(actor.accountId(), attendance).isEmpty();
	}

}
