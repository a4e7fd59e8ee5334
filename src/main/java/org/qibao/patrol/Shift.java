package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A concrete patrol shift of a team, with how many have signed up. */
record Shift(long id, long teamId, Long scheduleId, Instant startsAt, Instant endsAt, int minPatrollers,
		int maxPatrollers, String status, String cancelReason, int confirmedCount, int waitlistCount, Instant createdAt)
		implements Identified {

	static final String COLUMNS = """
			s.id, s.team_id, s.schedule_id, s.starts_at, s.ends_at, s.min_patrollers, s.max_patrollers, s.status,
			s.cancel_reason, s.created_at,
			(SELECT count(*) FROM shift_signup u WHERE u.shift_id = s.id AND u.status = 'CONFIRMED') AS confirmed_count,
			(SELECT count(*) FROM shift_signup u WHERE u.shift_id = s.id AND u.status = 'WAITLISTED') AS waitlist_count""";

	boolean cancelled() {
		return "CANCELLED".equals(this.status);
	}

	long minutes() {
		return java.time.Duration.between(this.startsAt, this.endsAt).toMinutes();
	}

}
