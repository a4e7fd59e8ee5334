package org.qibao.timebank;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.qibao.notification.Notice;
import org.qibao.notification.NotificationKind;
import org.qibao.notification.Notices;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.springframework.stereotype.Component;

/**
 * Tells a volunteer the minutes a patrol earned, in the transaction that credits them, so the
 * notice exists exactly when the credit does; keyed by the attendance, so a redelivered
 * {@link AttendanceVerified} tells once. Attendance known only by its figures (the demo's
 * history) is credited silently: nobody is waiting to hear of it.
 */
@Component
class PatrolCreditNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notices notices;

	private final Teams teams;

	PatrolCreditNotices(Notices notices, Teams teams) {
		this.notices = notices;
		this.teams = teams;
	}

	void credited(AttendanceVerified attendance, ZoneId zone, int minutes) {
		AttendanceVerified.Patrol patrol = attendance.patrol();
		if (patrol == null) {
			return;
		}
		Team team = this.teams.findAll(List.of(patrol.teamId())).get(patrol.teamId());
		Notice notice = Notice
			.of(NotificationKind.PATROL_MINUTES_CREDITED, team == null ? "" : team.name(),
					WHEN.format(patrol.shiftStartsAt().atZone(zone)), minutes)
			.about(null, patrol.teamId())
			.once("patrol-credit:" + attendance.attendanceId());
		this.notices.tell(attendance.accountId(), notice);
	}

}
