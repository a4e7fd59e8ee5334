package org.qibao.patrol;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.geo.Geofence;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/**
 * A captain sets the checkpoints of a recurring schedule: adds, renames, moves and removes them. Each
 * lies inside or near the schedule's grids (geo's geofence decides, with its tolerance). Shifts that
 * have not started follow at once; started and past shifts keep the checkpoints they had.
 */
@Service
class ScheduleCheckpoints {

	static final int MAX = 50;

	/** A checkpoint as the captain gives it; a null id adds a new one. */
	record Spec(Long id, String name, GeoPoint position) {
	}

	private final JdbcClient jdbc;

	private final Geofence geofence;

	private final PatrolAudit audit;

	private final Clock clock;

	ScheduleCheckpoints(JdbcClient jdbc, Geofence geofence, PatrolAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.geofence = geofence;
		this.audit = audit;
		this.clock = clock;
	}

	Map<Long, List<ScheduleCheckpoint>> ofSchedules(Collection<Long> scheduleIds) {
		return this.jdbc.sql("SELECT * FROM schedule_checkpoint WHERE schedule_id = ANY(?) AND NOT removed ORDER BY id")
			.param(array(scheduleIds))
			.query(ScheduleCheckpoint.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ScheduleCheckpoint::scheduleId));
	}

	Map<Long, ScheduleCheckpoint> find(Collection<Long> ids) {
		return this.jdbc.sql("SELECT * FROM schedule_checkpoint WHERE id = ANY(?) AND NOT removed")
			.param(array(ids))
			.query(ScheduleCheckpoint.class)
			.list()
			.stream()
			.collect(Collectors.toMap(ScheduleCheckpoint::id, c -> c));
	}

	@Transactional
	void set(long scheduleId, List<Spec> specs, long by) {
		ShiftSchedule schedule = this.jdbc.sql("SELECT * FROM shift_schedule WHERE id = ? FOR UPDATE")
			.param(scheduleId).query(Rows.SCHEDULE).single();
		require(schedule.active(), "SCHEDULE_ENDED", "scheduleId");
		require(specs != null && specs.size() <= MAX, "INVALID_INPUT", "checkpoints");
		List<ScheduleCheckpoint> before = this.ofSchedules(List.of(scheduleId)).getOrDefault(scheduleId, List.of());
		Set<Long> existing = before.stream().map(ScheduleCheckpoint::id).collect(Collectors.toSet());
		for (Spec spec : specs) {
			check(spec, schedule, existing);
		}
		String future = "SELECT id FROM shift WHERE schedule_id = ? AND starts_at > ?";
		Object now = at(this.clock.instant());
		Set<Long> kept = specs.stream().map(Spec::id).filter(id -> id != null).collect(Collectors.toSet());
		for (long removed : existing.stream().filter(id -> !kept.contains(id)).toList()) {
			this.jdbc.sql("UPDATE schedule_checkpoint SET removed = true WHERE id = ?").param(removed).update();
			this.jdbc.sql("DELETE FROM checkpoint WHERE schedule_checkpoint_id = ? AND shift_id IN (" + future + ")")
				.params(removed, scheduleId, now).update();
		}
		for (Spec spec : specs) {
			long id = spec.id() != null ? spec.id() : this.jdbc.sql("""
					INSERT INTO schedule_checkpoint (schedule_id, name, longitude, latitude, code) VALUES (?, ?, ?, ?, ?) RETURNING id""")
				.params(scheduleId, spec.name().trim(), spec.position().longitude(), spec.position().latitude(),
						ShiftPlanning.newCode())
				.query(Long.class).single();
			this.jdbc.sql("UPDATE schedule_checkpoint SET name = ?, longitude = ?, latitude = ? WHERE id = ?")
				.params(spec.name().trim(), spec.position().longitude(), spec.position().latitude(), id).update();
			this.jdbc.sql("DELETE FROM checkpoint WHERE schedule_checkpoint_id = ? AND shift_id IN (" + future + ")")
				.params(id, scheduleId, now).update();
			this.jdbc.sql("INSERT INTO checkpoint (shift_id, name, longitude, latitude, code, schedule_checkpoint_id) "
					+ "SELECT s.id, c.name, c.longitude, c.latitude, c.code, c.id FROM schedule_checkpoint c, shift s "
					+ "WHERE c.id = ? AND s.id IN (" + future + ")")
				.params(id, scheduleId, now).update();
		}
		this.audit.inTeam(by, schedule.teamId(), "scheduleCheckpointsSet", "ShiftSchedule", scheduleId, state(before),
				state(this.ofSchedules(List.of(scheduleId)).getOrDefault(scheduleId, List.of())));
	}

	private void check(Spec spec, ShiftSchedule schedule, Set<Long> existing) {
		require(spec.id() == null || existing.contains(spec.id()), "NOT_FOUND", "checkpoints");
		require(spec.name() != null && !spec.name().isBlank() && spec.name().trim().length() <= 60, "INVALID_INPUT",
				"checkpoints");
		require(spec.position() != null && spec.position().isValid(), "INVALID_COORDINATES", "checkpoints");
		Geofence.Placement placement = this.geofence.nearest(schedule.gridIds(), spec.position());
		double allowed = this.geofence.toleranceMetres(0);
		require(placement.gridId() != null && placement.metresOutside() <= allowed, "CHECKPOINT_OUTSIDE_GRIDS",
				"checkpoints", spec.name().trim(), Math.round(placement.metresOutside()), Math.round(allowed));
	}

	private static Map<String, Object> state(List<ScheduleCheckpoint> checkpoints) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (ScheduleCheckpoint c : checkpoints) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("id", c.id());
			one.put("name", c.name());
			one.put("longitude", c.longitude());
			one.put("latitude", c.latitude());
			list.add(one);
		}
		return Map.of("checkpoints", list);
	}

}
