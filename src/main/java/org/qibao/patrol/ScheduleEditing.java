package org.qibao.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/**
 * A captain changes a recurring schedule from a date on. Shifts of that date and later that have
 * not started take the new form in place, so the people signed up keep their places and are told
 * when their shift moved; a shift whose weekday was dropped is cancelled and its people told. Shifts
 * that started or ended, and those before the date, never change. Edits carry the version they were
 * made on: of two edits made on one version, the later is refused, not silently lost.
 */
@Service
class ScheduleEditing {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ShiftPlanning planning;

	private final PatrolQueries queries;

	private final Notifications notifications;

	private final PatrolProperties properties;

	private final PatrolAudit audit;

	private final Clock clock;

	ScheduleEditing(JdbcClient jdbc, ShiftPlanning planning, PatrolQueries queries, Notifications notifications,
			PatrolProperties properties, PatrolAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.planning = planning;
		this.queries = queries;
		this.notifications = notifications;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	record Edit(long scheduleId, long version, String from, List<Long> gridIds, List<Integer> weekdays, String start,
			String end, int min, int max) {
	}

	@Transactional
	ShiftSchedule update(Edit edit, long by) {
		Instant now = this.clock.instant();
		ShiftSchedule before = lock(edit.scheduleId());
		require(before.active(), "SCHEDULE_ENDED", "scheduleId");
		require(before.version() == edit.version(), "SCHEDULE_CHANGED_MEANWHILE", "version");
		ShiftPlanning.ScheduleForm form = this.planning.form(before.teamId(), edit.gridIds(), edit.weekdays(),
				edit.start(), edit.end(), edit.min(), edit.max());
		ZoneId zone = this.planning.zoneOf(before.teamId());
		LocalDate from = from(edit.from(), now.atZone(zone).toLocalDate());
		// the dates before the change keep the earlier form: make sure they are all generated in it
		this.planning.generate(before, now);
		this.jdbc.sql("""
				UPDATE shift_schedule SET grid_ids = ?, weekdays = ?, start_time = ?, end_time = ?, min_patrollers = ?,
				       max_patrollers = ?, applies_from = ?, version = version + 1
				WHERE id = ?""")
			.params(array(form.gridIds()), form.weekdays(), form.start(), form.end(), form.min(), form.max(), from,
					before.id())
			.update();
		ShiftSchedule after = this.queries.schedules(List.of(before.id())).get(before.id());
		for (Shift shift : shiftsToReshape(after.id(), from, zone, now)) {
			reshape(shift, after, zone, now);
		}
		this.planning.generate(after, now);
		this.audit.inTeam(by, after.teamId(), "shiftScheduleUpdate", "ShiftSchedule", after.id(),
				ScheduleState.of(before), ScheduleState.of(after));
		return after;
	}

	private ShiftSchedule lock(long scheduleId) {
		return this.jdbc.sql("SELECT * FROM shift_schedule WHERE id = ? FOR UPDATE")
			.param(scheduleId)
			.query(Rows.SCHEDULE)
			.single();
	}

	/** The change applies from today (when no date is given) or a later date within the generated days. */
	private LocalDate from(String text, LocalDate today) {
		LocalDate from;
		try {
			from = text == null || text.isBlank() ? today : LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new BusinessRuleException("INVALID_DATE", "from");
		}
		require(!from.isBefore(today), "FROM_IN_PAST", "from");
		int ahead = this.properties.generateAheadDays();
		require(from.isBefore(today.plusDays(ahead)), "FROM_TOO_FAR", "from", ahead);
		return from;
	}

	/** The schedule's shifts, cancelled ones too (their times follow, so none is generated twice), not yet started, from the date on. */
	private List<Shift> shiftsToReshape(long scheduleId, LocalDate from, ZoneId zone, Instant now) {
		Instant fromStart = from.atStartOfDay(zone).toInstant();
		// locked as a sign-up locks them, then read with their seats counted after the lock
		List<Long> ids = this.jdbc.sql("SELECT id FROM shift WHERE schedule_id = ? AND starts_at > ? AND starts_at >= ? ORDER BY id FOR UPDATE")
			.params(scheduleId, at(now), at(fromStart))
			.query(Long.class)
			.list();
		return List.copyOf(this.queries.shifts(ids).values());
	}

	private void reshape(Shift shift, ShiftSchedule schedule, ZoneId zone, Instant now) {
		LocalDate date = shift.startsAt().atZone(zone).toLocalDate();
		if (!schedule.weekdays().contains(date.getDayOfWeek().getValue())) {
			dropDay(shift, zone);
			return;
		}
		Instant start = ZonedDateTime.of(date, schedule.startTime(), zone).toInstant();
		Instant end = ZonedDateTime.of(date, schedule.endTime(), zone).toInstant();
		if (this.planning.backdated(start, now)) {
			// moved to a time already past: today's shift stays as planned, as the generator would leave it
			return;
		}
		boolean moved = !start.equals(shift.startsAt()) || !end.equals(shift.endsAt());
		this.jdbc.sql("UPDATE shift SET starts_at = ?, ends_at = ?, min_patrollers = ?, max_patrollers = ? WHERE id = ?")
			.params(at(start), at(end), schedule.minPatrollers(), schedule.maxPatrollers(), shift.id())
			.update();
		this.jdbc.sql("DELETE FROM shift_grid WHERE shift_id = ?").param(shift.id()).update();
		for (long gridId : schedule.gridIds()) {
			this.jdbc.sql("INSERT INTO shift_grid (shift_id, grid_id) VALUES (?, ?)").params(shift.id(), gridId).update();
		}
		if (shift.cancelled()) {
			return;
		}
		if (moved) {
			String was = WHEN.format(shift.startsAt().atZone(zone));
			tellSignups(shift, "SHIFT_MOVED", was);
		}
		promoteIntoNewPlaces(shift, schedule.maxPatrollers() - shift.confirmedCount());
	}

	/** A weekday taken off the schedule: its shift is cancelled and the people signed up are told. */
	private void dropDay(Shift shift, ZoneId zone) {
		if (shift.cancelled()) {
			return;
		}
		this.jdbc.sql("UPDATE shift SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?")
			.params(CANCEL_REASON, shift.id())
			.update();
		tellSignups(shift, "SHIFT_CANCELLED", CANCEL_REASON);
	}

	/** Stored as the shift's reason and shown to volunteers as it is, in both languages. */
	static final String CANCEL_REASON = "排班调整 / schedule changed";

	private void tellSignups(Shift shift, String kind, String detail) {
		for (ShiftSignup signup : this.queries.signupsOfShifts(List.of(shift.id()))) {
			this.notifications.tell(signup.accountId(), kind, shift.id(), shift.teamId(), detail);
		}
	}

	/** More places than before: the first waiting take them, in order, and are told. Fewer: nobody loses a place. */
	private void promoteIntoNewPlaces(Shift shift, int free) {
		if (free <= 0 || shift.waitlistCount() == 0) {
			return;
		}
		this.jdbc.sql("""
				UPDATE shift_signup SET status = 'CONFIRMED'
				WHERE id IN (SELECT id FROM shift_signup WHERE shift_id = ? AND status = 'WAITLISTED'
				             ORDER BY signed_up_at, id LIMIT ?)
				RETURNING account_id""")
			.params(shift.id(), free)
			.query(Long.class)
			.list()
			.forEach(accountId -> this.notifications.tell(accountId, "SIGNUP_PROMOTED", shift.id(), shift.teamId(), null));
	}

}
