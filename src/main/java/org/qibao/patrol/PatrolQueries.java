package org.qibao.patrol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rows.at;

/** Reads of shifts, sign-ups, check-ins and attendance, by key or by parent, for the GraphQL layer. */
@Repository
class PatrolQueries {

	private static final String SHIFTS = "SELECT " + Shift.COLUMNS + " FROM shift s ";

	private final JdbcClient jdbc;

	PatrolQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Shift> shifts(Collection<Long> ids) {
		return byId(this.jdbc.sql(SHIFTS + "WHERE s.id = ANY(?)").param(array(ids)).query(Rows.SHIFT).list(), Shift::id);
	}

	Optional<Shift> shift(long id) {
		return Optional.ofNullable(shifts(List.of(id)).get(id));
	}

	/**
	 * The shift with what checking this volunteer in to it needs, in one statement instead of one
	 * read each for the shift, the sign-up, the open check-in, the grids and the team.
	 */
	Optional<CheckInFacts> checkInFacts(long shiftId, long accountId) {
		return this.jdbc.sql("SELECT " + Shift.COLUMNS + """
				, t.community_id,
				  (SELECT u.status FROM shift_signup u
				   WHERE u.shift_id = s.id AND u.account_id = ? AND u.status <> 'CANCELLED') AS signup_status,
				  (SELECT c.shift_id FROM check_in c WHERE c.account_id = ? AND c.checked_out_at IS NULL) AS open_shift_id,
				  ARRAY(SELECT g.grid_id FROM shift_grid g WHERE g.shift_id = s.id ORDER BY g.grid_id) AS grid_ids
				FROM shift s JOIN team t ON t.id = s.team_id WHERE s.id = ?""")
			.params(accountId, accountId, shiftId)
			.query((rs, n) -> new CheckInFacts(Rows.SHIFT.mapRow(rs, n), rs.getString("signup_status"),
					Rows.nullableLong(rs, "open_shift_id"), Rows.longs(rs.getArray("grid_ids")), rs.getLong("community_id")))
			.optional();
	}

	/** The shifts of these teams that end after {@code from} and start before {@code until}, by start. */
	List<Shift> shiftsOfTeams(Collection<Long> teamIds, Instant from, Instant until) {
		return this.jdbc.sql(SHIFTS + "WHERE s.team_id = ANY(?) AND s.ends_at > ? AND s.starts_at < ? ORDER BY s.starts_at, s.id")
			.params(array(teamIds), at(from), at(until))
			.query(Rows.SHIFT)
			.list();
	}

	/** Scheduled shifts starting between the two instants with fewer confirmed patrollers than their minimum. */
	List<Shift> shortShifts(Collection<Long> teamIds, Collection<Long> gridIds, Instant from, Instant until) {
		return this.jdbc.sql(SHIFTS + """
				WHERE s.status = 'SCHEDULED' AND s.starts_at > ? AND s.starts_at <= ?
				  AND (s.team_id = ANY(?) OR EXISTS (SELECT 1 FROM shift_grid g WHERE g.shift_id = s.id AND g.grid_id = ANY(?)))
				  AND (SELECT count(*) FROM shift_signup u WHERE u.shift_id = s.id AND u.status = 'CONFIRMED') < s.min_patrollers
				ORDER BY s.starts_at, s.id""")
			.params(at(from), at(until), array(teamIds), array(gridIds))
			.query(Rows.SHIFT)
			.list();
	}

	Map<Long, List<Long>> gridIdsOfShifts(Collection<Long> shiftIds) {
		return pairs("SELECT shift_id, grid_id FROM shift_grid WHERE shift_id = ANY(?) ORDER BY grid_id", shiftIds);
	}

	Map<Long, ShiftSchedule> schedules(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM shift_schedule WHERE id = ANY(?)").param(array(ids)).query(Rows.SCHEDULE).list(),
				ShiftSchedule::id);
	}

	List<ShiftSchedule> schedulesOfTeams(Collection<Long> teamIds) {
		return this.jdbc.sql("SELECT * FROM shift_schedule WHERE team_id = ANY(?) AND active ORDER BY start_time, id")
			.param(array(teamIds))
			.query(Rows.SCHEDULE)
			.list();
	}

	Map<Long, ShiftSignup> signups(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM shift_signup WHERE id = ANY(?)").param(array(ids)).query(Rows.SIGNUP).list(),
				ShiftSignup::id);
	}

	/** The active sign-ups of these shifts: confirmed first, then the waitlist in order. */
	List<ShiftSignup> signupsOfShifts(Collection<Long> shiftIds) {
		return this.jdbc.sql("""
				SELECT * FROM shift_signup WHERE shift_id = ANY(?) AND status <> 'CANCELLED'
				ORDER BY status, signed_up_at, id""").param(array(shiftIds)).query(Rows.SIGNUP).list();
	}

	/** A volunteer's active sign-ups for shifts that have not ended, by start. */
	List<ShiftSignup> upcomingSignupsOf(long accountId, Instant now) {
		return this.jdbc.sql("""
				SELECT u.* FROM shift_signup u JOIN shift s ON s.id = u.shift_id
				WHERE u.account_id = ? AND u.status <> 'CANCELLED' AND s.ends_at > ?
				ORDER BY s.starts_at, u.id""").params(accountId, at(now)).query(Rows.SIGNUP).list();
	}

	List<Checkpoint> checkpointsOfShifts(Collection<Long> shiftIds) {
		return this.jdbc.sql("SELECT * FROM checkpoint WHERE shift_id = ANY(?) ORDER BY id")
			.param(array(shiftIds))
			.query(Rows.CHECKPOINT)
			.list();
	}

	Map<Long, CheckIn> checkIns(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM check_in WHERE id = ANY(?)").param(array(ids)).query(Rows.CHECK_IN).list(),
				CheckIn::id);
	}

	/** The latest check-in of these (shift, account) pairs, keyed "shift:account". */
	Map<String, CheckIn> checkInsOfSignups(Collection<ShiftSignup> signups) {
		return this.jdbc.sql("SELECT * FROM check_in WHERE shift_id = ANY(?) AND account_id = ANY(?)")
			.params(array(signups.stream().map(ShiftSignup::shiftId).distinct().toList()),
					array(signups.stream().map(ShiftSignup::accountId).distinct().toList()))
			.query(Rows.CHECK_IN)
			.list()
			.stream()
			.collect(Collectors.toMap(c -> c.shiftId() + ":" + c.accountId(), Function.identity(),
					(a, b) -> a.checkedInAt().isAfter(b.checkedInAt()) ? a : b));
	}

	Optional<CheckIn> openCheckInOf(long accountId) {
		return this.jdbc.sql("SELECT * FROM check_in WHERE account_id = ? AND checked_out_at IS NULL")
			.param(accountId)
			.query(Rows.CHECK_IN)
			.optional();
	}

	Map<Long, Attendance> attendances(Collection<Long> ids) {
		return byId(this.jdbc.sql(Attendance.SELECT + " WHERE a.id = ANY(?)").param(array(ids)).query(Rows.ATTENDANCE).list(),
				Attendance::id);
	}

	Map<Long, Attendance> attendancesOfCheckIns(Collection<Long> checkInIds) {
		return this.jdbc.sql(Attendance.SELECT + " WHERE a.check_in_id = ANY(?)")
			.param(array(checkInIds))
			.query(Rows.ATTENDANCE)
			.list()
			.stream()
			.collect(Collectors.toMap(Attendance::checkInId, Function.identity()));
	}

	List<Attendance> attendanceOf(long accountId, int offset, int limit) {
		return this.jdbc.sql(Attendance.SELECT + " WHERE c.account_id = ? ORDER BY c.checked_in_at DESC, a.id DESC OFFSET ? LIMIT ?")
			.params(accountId, offset, limit)
			.query(Rows.ATTENDANCE)
			.list();
	}

	int attendanceCount(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM attendance a JOIN check_in c ON c.id = a.check_in_id WHERE c.account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/** Attendance in review in these teams and in all teams of these communities. */
	List<Attendance> inReview(Collection<Long> teamIds, Collection<Long> communityIds) {
		return this.jdbc.sql(Attendance.SELECT
				+ " WHERE a.status = 'IN_REVIEW' AND (s.team_id = ANY(?) OR t.community_id = ANY(?)) ORDER BY a.id")
			.params(array(teamIds), array(communityIds))
			.query(Rows.ATTENDANCE)
			.list();
	}

	List<NoShow> noShowsOfTeams(Collection<Long> teamIds, Instant since) {
		return this.jdbc.sql("""
				SELECT n.* FROM no_show n JOIN shift s ON s.id = n.shift_id
				WHERE s.team_id = ANY(?) AND s.starts_at >= ? ORDER BY s.starts_at DESC, n.id""")
			.params(array(teamIds), at(since))
			.query(Rows.NO_SHOW)
			.list();
	}

	Map<Long, NoShow> noShows(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM no_show WHERE id = ANY(?)").param(array(ids)).query(Rows.NO_SHOW).list(),
				NoShow::id);
	}

	Map<Long, JoinRequest> joinRequests(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM team_join_request WHERE id = ANY(?)")
			.param(array(ids))
			.query(Rows.JOIN_REQUEST)
			.list(), JoinRequest::id);
	}

	Map<Long, List<Long>> visitedCheckpoints(Collection<Long> checkInIds) {
		return pairs("SELECT check_in_id, checkpoint_id FROM checkpoint_visit WHERE check_in_id = ANY(?) ORDER BY visited_at",
				checkInIds);
	}

	Map<Long, Checkpoint> checkpoints(Collection<Long> ids) {
		return byId(this.jdbc.sql("SELECT * FROM checkpoint WHERE id = ANY(?)").param(array(ids)).query(Rows.CHECKPOINT).list(),
				Checkpoint::id);
	}

	private Map<Long, List<Long>> pairs(String sql, Collection<Long> keys) {
		return this.jdbc.sql(sql)
			.param(array(keys))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.stream()
			.collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toList())));
	}

	static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
		return items.stream().collect(Collectors.toMap(id, Function.identity()));
	}

}
