package org.qibao.patrol;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/**
 * Signing up for shifts and cancelling. The shift's row is locked while seats are counted, and the
 * volunteer's advisory lock is held while overlaps are checked, so concurrent sign-ups cannot
 * overbook a shift or double-book a person.
 */
@Service
class Signups {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int ACCOUNT_LOCK = 0x5131;

	private final JdbcClient jdbc;

	private final Memberships memberships;

	private final Notifications notifications;

	private final ShiftPlanning planning;

	Signups(JdbcClient jdbc, Memberships memberships, Notifications notifications, ShiftPlanning planning) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.notifications = notifications;
		this.planning = planning;
	}

	/** Signs a volunteer up: confirmed while seats remain, otherwise waitlisted (or refused when they would rather not wait). */
	@Transactional
	ShiftSignup signUp(long shiftId, long accountId, boolean joinWaitlist, Instant now) {
		Shift shift = lockShift(shiftId);
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(ACCOUNT_LOCK, (int) accountId).query(Object.class).list();
		require(!shift.cancelled(), "SHIFT_CANCELLED", "shiftId");
		require(shift.endsAt().isAfter(now), "SHIFT_OVER", "shiftId");
		require(this.memberships.isActiveMember(shift.teamId(), accountId), "NOT_A_MEMBER", "shiftId");
		require(activeSignup(shiftId, accountId) == null, "ALREADY_SIGNED_UP", "shiftId");
		Shift overlapping = this.jdbc.sql("SELECT " + Shift.COLUMNS + """
				 FROM shift s JOIN shift_signup u ON u.shift_id = s.id
				WHERE u.account_id = ? AND u.status <> 'CANCELLED' AND s.status = 'SCHEDULED'
				  AND s.starts_at < ? AND s.ends_at > ? LIMIT 1""")
			.params(accountId, at(shift.endsAt()), at(shift.startsAt()))
			.query(Rows.SHIFT)
			.optional()
			.orElse(null);
		if (overlapping != null) {
			ZoneId zone = this.planning.zoneOf(overlapping.teamId());
			throw new org.qibao.shared.BusinessRuleException("OVERLAPPING_SHIFT", "shiftId",
					WHEN.format(overlapping.startsAt().atZone(zone)),
					DateTimeFormatter.ofPattern("HH:mm").format(overlapping.endsAt().atZone(zone)));
		}
		boolean seatFree = shift.confirmedCount() < shift.maxPatrollers();
		require(seatFree || joinWaitlist, "SHIFT_FULL", "shiftId", shift.maxPatrollers());
		return this.jdbc.sql("INSERT INTO shift_signup (shift_id, account_id, status) VALUES (?, ?, ?) RETURNING *")
			.params(shiftId, accountId, seatFree ? "CONFIRMED" : "WAITLISTED")
			.query(Rows.SIGNUP)
			.single();
	}

	/** Cancels a sign-up before the shift starts; a freed seat goes to the first on the waitlist, who is told. */
	@Transactional
	ShiftSignup cancel(long shiftId, long accountId, Instant now) {
		Shift shift = lockShift(shiftId);
		ShiftSignup signup = activeSignup(shiftId, accountId);
		require(signup != null, "NOT_SIGNED_UP", "shiftId");
		require(shift.startsAt().isAfter(now) || shift.cancelled(), "SHIFT_STARTED", "shiftId");
		ShiftSignup cancelled = this.jdbc.sql("""
				UPDATE shift_signup SET status = 'CANCELLED', cancelled_at = now() WHERE id = ? RETURNING *""")
			.param(signup.id())
			.query(Rows.SIGNUP)
			.single();
		if ("CONFIRMED".equals(signup.status()) && !shift.cancelled()) {
			promoteFirstWaiting(shift);
		}
		return cancelled;
	}

	/** Cancels a departing member's places on the team's shifts that have not started, moving waitlists up. */
	@Transactional
	void cancelUpcoming(long teamId, long accountId, Instant now) {
		this.jdbc.sql("""
				SELECT u.shift_id FROM shift_signup u JOIN shift s ON s.id = u.shift_id
				WHERE s.team_id = ? AND u.account_id = ? AND u.status <> 'CANCELLED' AND s.starts_at > ?""")
			.params(teamId, accountId, at(now))
			.query(Long.class)
			.list()
			.forEach(shiftId -> cancel(shiftId, accountId, now));
	}

	private void promoteFirstWaiting(Shift shift) {
		this.jdbc.sql("""
				UPDATE shift_signup SET status = 'CONFIRMED'
				WHERE id = (SELECT id FROM shift_signup WHERE shift_id = ? AND status = 'WAITLISTED'
				            ORDER BY signed_up_at, id LIMIT 1)
				RETURNING *""")
			.param(shift.id())
			.query(Rows.SIGNUP)
			.optional()
			.ifPresent(promoted -> this.notifications.tell(promoted.accountId(), "SIGNUP_PROMOTED", shift.id(),
					shift.teamId(), null));
	}

	ShiftSignup activeSignup(long shiftId, long accountId) {
		return this.jdbc.sql("SELECT * FROM shift_signup WHERE shift_id = ? AND account_id = ? AND status <> 'CANCELLED'")
			.params(shiftId, accountId)
			.query(Rows.SIGNUP)
			.optional()
			.orElse(null);
	}

	/** Locks the shift, then counts its seats in a new statement, whose snapshot sees sign-ups committed while waiting. */
	private Shift lockShift(long shiftId) {
		boolean exists = this.jdbc.sql("SELECT id FROM shift WHERE id = ? FOR UPDATE").param(shiftId).query(Long.class).optional().isPresent();
		require(exists, "NOT_FOUND", "shiftId");
		return this.jdbc.sql("SELECT " + Shift.COLUMNS + " FROM shift s WHERE s.id = ?").param(shiftId).query(Rows.SHIFT).single();
	}

}
