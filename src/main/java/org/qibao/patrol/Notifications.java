package org.qibao.patrol;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.qibao.geo.Geography;
import org.qibao.notification.Notice;
import org.qibao.notification.NotificationKind;
import org.qibao.notification.Notices;
import org.springframework.stereotype.Service;

/**
 * What patrol tells volunteers, handed to the notification list with the team's name and the
 * shift's start in the team's community (e.g. "2026-11-28 09:00"), in the caller's transaction.
 */
@Service
class Notifications {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notices notices;

	private final PatrolQueries queries;

	private final Teams teams;

	private final Geography geography;

	Notifications(Notices notices, PatrolQueries queries, Teams teams, Geography geography) {
		this.notices = notices;
		this.queries = queries;
		this.teams = teams;
		this.geography = geography;
	}

	void tell(long accountId, String kind, Long shiftId, Long teamId, String detail) {
		this.notices.tell(accountId, about(NotificationKind.valueOf(kind), shiftId, teamId).withDetail(detail));
	}

	/** The reviewer's decision on attendance in review: approved with its minutes, or rejected with the reason. */
	void reviewDecided(Attendance attendance) {
		boolean approved = "APPROVED".equals(attendance.status());
		Notice notice = approved
				? about(NotificationKind.ATTENDANCE_APPROVED, attendance.shiftId(), attendance.teamId(),
						attendance.verifiedMinutes())
				: about(NotificationKind.ATTENDANCE_REJECTED, attendance.shiftId(), attendance.teamId())
					.withDetail(attendance.rejectionReason());
		this.notices.tell(attendance.accountId(), notice.once("attendance-review:" + attendance.id()));
	}

	/** A notice whose first arguments are the team's name and the shift's start, then any others. */
	private Notice about(NotificationKind kind, Long shiftId, Long teamId, Object... more) {
		Shift shift = shiftId == null ? null : this.queries.shift(shiftId).orElse(null);
		Long team = teamId != null ? teamId : shift == null ? null : shift.teamId();
		Team found = team == null ? null : this.teams.findAll(List.of(team)).get(team);
		String when = "";
		if (shift != null && found != null) {
			ZoneId zone = this.geography.communities(List.of(found.communityId())).get(found.communityId()).zone();
			when = WHEN.format(shift.startsAt().atZone(zone));
		}
		Object[] params = new Object[2 + more.length];
		params[0] = found == null ? "" : found.name();
		params[1] = when;
		System.arraycopy(more, 0, params, 2, more.length);
		return Notice.of(kind, params).about(shiftId, teamId);
	}

}
