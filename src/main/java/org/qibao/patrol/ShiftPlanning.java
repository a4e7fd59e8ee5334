package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Geofence;
import org.qibao.geo.Geography;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/** Schedules and shifts as a captain plans them: recurring schedules, one-off shifts, checkpoints, cancellation. */
@Service
class ShiftPlanning {

	private static final SecureRandom RANDOM = new SecureRandom();

	record CheckpointSpec(String name, GeoPoint position) {
	}

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Geography geography;

	private final PatrolQueries queries;

	private final Notifications notifications;

	private final PatrolProperties properties;

	private final CheckInRules checkInRules;

	private final PatrolAudit audit;

	ShiftPlanning(JdbcClient jdbc, Teams teams, Geography geography, PatrolQueries queries,
			Notifications notifications, PatrolProperties properties, Geofence geofence, PatrolAudit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.teams = teams;
		this.geography = geography;
		this.queries = queries;
		this.notifications = notifications;
		this.properties = properties;
		this.checkInRules = new CheckInRules(properties, geofence);
	}

	/** A schedule's shape as a captain gives it, checked: grids of the team, weekdays, times, patroller counts. */
	record ScheduleForm(List<Long> gridIds, Integer[] weekdays, LocalTime start, LocalTime end, int min, int max) {
	}

	ScheduleForm form(long teamId, List<Long> gridIds, List<Integer> weekdays, String start, String end, int min,
			int max) {
		requireTeamGrids(teamId, gridIds);
		require(weekdays != null && !weekdays.isEmpty() && weekdays.stream().allMatch(d -> d != null && d >= 1 && d <= 7),
				"INVALID_WEEKDAYS", "weekdays");
		LocalTime startTime = time(start, "startTime");
		LocalTime endTime = time(end, "endTime");
		require(endTime.isAfter(startTime), "END_BEFORE_START", "endTime");
		requireCounts(min, max);
		return new ScheduleForm(gridIds.stream().distinct().toList(),
				weekdays.stream().distinct().sorted().toArray(Integer[]::new), startTime, endTime, min, max);
	}

	@Transactional
	ShiftSchedule createSchedule(long teamId, List<Long> gridIds, List<Integer> weekdays, String start, String end,
			int min, int max, long by, Instant now) {
		ScheduleForm form = form(teamId, gridIds, weekdays, start, end, min, max);
		long id = this.jdbc.sql("""
				INSERT INTO shift_schedule (team_id, grid_ids, weekdays, start_time, end_time, min_patrollers, max_patrollers, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(teamId, array(form.gridIds()), form.weekdays(), form.start(), form.end(), form.min(), form.max(), by)
			.query(Long.class)
			.single();
		ShiftSchedule schedule = this.queries.schedules(List.of(id)).get(id);
		generate(schedule, now);
		this.audit.inTeam(by, teamId, "shiftScheduleCreate", "ShiftSchedule", id, Map.of(), ScheduleState.of(schedule));
		return schedule;
	}

	@Transactional
	ShiftSchedule endSchedule(long scheduleId, long by) {
		ShiftSchedule before = this.queries.schedules(List.of(scheduleId)).get(scheduleId);
		this.jdbc.sql("UPDATE shift_schedule SET active = false WHERE id = ?").param(scheduleId).update();
		ShiftSchedule after = this.queries.schedules(List.of(scheduleId)).get(scheduleId);
		this.audit.inTeam(by, after.teamId(), "shiftScheduleEnd", "ShiftSchedule", scheduleId, ScheduleState.of(before),
				ScheduleState.of(after));
		return after;
	}

	/** Generates the schedule's shifts ahead; a shift that exists already is left as it is. */
	@Transactional
	int generate(ShiftSchedule schedule, Instant now) {
		ZoneId zone = zoneOf(schedule.teamId());
		int created = 0;
		for (ScheduleCalendar.Occurrence occurrence : ScheduleCalendar.ahead(schedule.weekdays(), schedule.startTime(),
				schedule.endTime(), zone, now, this.properties.generateAheadDays())) {
			if (schedule.appliesFrom() != null && occurrence.start().atZone(zone).toLocalDate().isBefore(schedule.appliesFrom())) {
				// dates before an edit keep the shifts generated in the schedule's earlier form
				continue;
			}
			if (this.checkInRules.backdated(occurrence.start(), now)) {
				// today's occurrence of a schedule created after it started could not be checked into
				continue;
			}
			Long shiftId = this.jdbc.sql("""
					INSERT INTO shift (team_id, schedule_id, starts_at, ends_at, min_patrollers, max_patrollers, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (schedule_id, starts_at) DO NOTHING RETURNING id""")
				.params(schedule.teamId(), schedule.id(), at(occurrence.start()), at(occurrence.end()),
						schedule.minPatrollers(), schedule.maxPatrollers(), at(now))
				.query(Long.class)
				.optional()
				.orElse(null);
			if (shiftId != null) {
				addGrids(shiftId, schedule.gridIds());
				copyScheduleCheckpoints(shiftId, schedule.id());
				created++;
			}
		}
		return created;
	}

	@Transactional
	Shift createShift(long teamId, List<Long> gridIds, Instant startsAt, Instant endsAt, int min, int max,
			List<CheckpointSpec> checkpoints, long by, Instant now) {
		requireTeamGrids(teamId, gridIds);
		require(startsAt != null && endsAt != null, "INVALID_TIMES", "startsAt");
		require(endsAt.isAfter(startsAt), "END_BEFORE_START", "endsAt");
		require(Duration.between(startsAt, endsAt).toHours() < 24, "SHIFT_TOO_LONG", "endsAt");
		require(endsAt.isAfter(now), "SHIFT_IN_PAST", "endsAt");
		require(!this.checkInRules.backdated(startsAt, now), "SHIFT_STARTS_IN_PAST", "startsAt",
				this.properties.backdatingAllowance().toMinutes());
		requireCounts(min, max);
		List<CheckpointSpec> specs = checkpoints == null ? List.of() : checkpoints;
		for (CheckpointSpec spec : specs) {
			require(spec.name() != null && !spec.name().isBlank() && spec.name().length() <= 60, "INVALID_INPUT",
					"checkpoints");
			require(spec.position() != null && spec.position().isValid(), "INVALID_COORDINATES", "checkpoints");
		}
		long id = this.jdbc.sql("""
				INSERT INTO shift (team_id, starts_at, ends_at, min_patrollers, max_patrollers, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(teamId, at(startsAt), at(endsAt), min, max, at(now))
			.query(Long.class)
			.single();
		addGrids(id, gridIds);
		for (CheckpointSpec spec : specs) {
			this.jdbc.sql("INSERT INTO checkpoint (shift_id, name, longitude, latitude, code) VALUES (?, ?, ?, ?, ?)")
				.params(id, spec.name().trim(), spec.position().longitude(), spec.position().latitude(), newCode())
				.update();
		}
		Shift shift = this.queries.shift(id).orElseThrow();
		this.audit.inTeam(by, teamId, "shiftCreate", "Shift", id, Map.of(), ShiftState.of(shift, gridIds));
		return shift;
	}

	/** Cancels a shift that has not ended and tells everyone signed up for it. */
	@Transactional
	Shift cancel(long shiftId, String reason, long by, Instant now) {
		String why = Rules.reason(reason, "reason");
		this.jdbc.sql("SELECT id FROM shift WHERE id = ? FOR UPDATE").param(shiftId).query(Long.class).single();
		Shift shift = this.queries.shift(shiftId).orElseThrow();
		require(!shift.cancelled(), "SHIFT_CANCELLED", "shiftId");
		require(shift.endsAt().isAfter(now), "SHIFT_OVER", "shiftId");
		this.jdbc.sql("UPDATE shift SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?").params(why, shiftId).update();
		for (ShiftSignup signup : this.queries.signupsOfShifts(List.of(shiftId))) {
			this.notifications.tell(signup.accountId(), "SHIFT_CANCELLED", shiftId, shift.teamId(), why);
		}
		Shift cancelled = this.queries.shift(shiftId).orElseThrow();
		this.audit.inTeam(by, shift.teamId(), "shiftCancel", "Shift", shiftId, Map.of("status", shift.status()),
				Map.of("status", cancelled.status(), "cancelReason", why));
		return cancelled;
	}

	/** A generated shift carries the schedule's checkpoints, with their plaques' codes. */
	private void copyScheduleCheckpoints(long shiftId, long scheduleId) {
		this.jdbc.sql("""
				INSERT INTO checkpoint (shift_id, name, longitude, latitude, code, schedule_checkpoint_id)
				SELECT ?, name, longitude, latitude, code, id FROM schedule_checkpoint WHERE schedule_id = ? AND NOT removed""")
			.params(shiftId, scheduleId)
			.update();
	}

	/** Whether a shift starting then, planned now, could no longer be checked into. */
	boolean backdated(Instant start, Instant now) {
		return this.checkInRules.backdated(start, now);
	}

	ZoneId zoneOf(long teamId) {
		long communityId = this.teams.findAll(List.of(teamId)).get(teamId).communityId();
		return this.geography.communities(List.of(communityId)).get(communityId).zone();
	}

	private void requireTeamGrids(long teamId, List<Long> gridIds) {
		List<Long> teamGrids = this.teams.gridIds(List.of(teamId)).getOrDefault(teamId, List.of());
		require(gridIds != null && !gridIds.isEmpty() && teamGrids.containsAll(gridIds), "GRID_NOT_OF_TEAM", "gridIds");
	}

	private static void requireCounts(int min, int max) {
		require(min >= 1 && max >= min && max <= 100, "INVALID_PATROLLER_COUNTS", "maxPatrollers");
	}

	private void addGrids(long shiftId, List<Long> gridIds) {
		for (long gridId : gridIds.stream().distinct().toList()) {
			this.jdbc.sql("INSERT INTO shift_grid (shift_id, grid_id) VALUES (?, ?)").params(shiftId, gridId).update();
		}
	}

	private static LocalTime time(String text, String field) {
		try {
			return LocalTime.parse(text == null ? "" : text);
		}
		catch (DateTimeParseException ex) {
			throw new org.qibao.shared.BusinessRuleException("INVALID_TIME", field);
		}
	}

	static String newCode() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
