package org.qibao.patrol;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/** Row mappers and parameter conversions of the patrol tables, with times as UTC instants. */
final class Rows {

	static final RowMapper<Shift> SHIFT = (rs, n) -> new Shift(rs.getLong("id"), rs.getLong("team_id"),
			nullableLong(rs, "schedule_id"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("min_patrollers"),
			rs.getInt("max_patrollers"), rs.getString("status"), rs.getString("cancel_reason"),
			rs.getInt("confirmed_count"), rs.getInt("waitlist_count"), instant(rs, "created_at"));

	static final RowMapper<ShiftSchedule> SCHEDULE = (rs, n) -> new ShiftSchedule(rs.getLong("id"),
			rs.getLong("team_id"), longs(rs.getArray("grid_ids")), ints(rs.getArray("weekdays")),
			rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
			rs.getInt("min_patrollers"), rs.getInt("max_patrollers"), rs.getBoolean("active"), rs.getLong("version"),
			rs.getObject("applies_from", java.time.LocalDate.class));

	static final RowMapper<ShiftSignup> SIGNUP = (rs, n) -> new ShiftSignup(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getLong("account_id"), rs.getString("status"), instant(rs, "signed_up_at"), instant(rs, "cancelled_at"));

	static final RowMapper<Checkpoint> CHECKPOINT = (rs, n) -> new Checkpoint(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getString("name"), rs.getDouble("longitude"), rs.getDouble("latitude"), rs.getString("code"));

	static final RowMapper<CheckIn> CHECK_IN = (rs, n) -> new CheckIn(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getLong("account_id"), instant(rs, "checked_in_at"), nullableLong(rs, "reported_by"),
			instant(rs, "checked_out_at"), rs.getString("closed_how"), nullableLong(rs, "closed_by"));

	static final RowMapper<Attendance> ATTENDANCE = (rs, n) -> new Attendance(rs.getLong("id"),
			rs.getLong("check_in_id"), rs.getLong("shift_id"), rs.getLong("account_id"), rs.getLong("team_id"),
			rs.getLong("community_id"), rs.getString("status"), rs.getInt("checked_in_minutes"), rs.getInt("covered_minutes"),
			rs.getString("review_reason"), (Integer) rs.getObject("verified_minutes"), instant(rs, "decided_at"),
			nullableLong(rs, "decided_by"), rs.getString("rejection_reason"));

	static final RowMapper<NoShow> NO_SHOW = (rs, n) -> new NoShow(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getLong("account_id"), instant(rs, "recorded_at"), instant(rs, "cleared_at"),
			nullableLong(rs, "cleared_by"), rs.getString("clear_reason"));

	static final RowMapper<JoinRequest> JOIN_REQUEST = (rs, n) -> new JoinRequest(rs.getLong("id"),
			rs.getLong("team_id"), rs.getLong("account_id"), rs.getString("kind"), rs.getString("status"),
			instant(rs, "created_at"));

	static final RowMapper<TeamMembership> MEMBERSHIP = (rs, n) -> new TeamMembership(rs.getLong("team_id"),
			rs.getLong("account_id"), rs.getString("status"), instant(rs, "joined_at"));

	private Rows() {
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Long[] array(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static List<Long> longs(Array array) throws SQLException {
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	private static List<Integer> ints(Array array) throws SQLException {
		return Arrays.stream((Integer[]) array.getArray()).toList();
	}

}
