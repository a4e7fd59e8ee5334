package org.qibao.location;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.location.PatrolCoverage.Coverage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the location module keeps in PostgreSQL: persisted coverage, tracks, and Redis outages. */
@Repository
class CoverageRecords {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CoverageRecords(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Remembers that Redis failed during this check-in, so its coverage goes to captain review. */
	void outage(long checkInId) {
		this.jdbc.sql("INSERT INTO live_location_outage (check_in_id, first_at) VALUES (?, now()) ON CONFLICT DO NOTHING")
			.param(checkInId)
			.update();
	}

	boolean hadOutage(long checkInId) {
		return this.jdbc.sql("SELECT count(*) FROM live_location_outage WHERE check_in_id = ?")
			.param(checkInId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Coverage> find(long checkInId) {
		return this.jdbc.sql("""
				SELECT covered_minutes, accepted_positions, outside_positions, implausible_positions, complete
				FROM patrol_coverage WHERE check_in_id = ?""")
			.param(checkInId)
			.query((rs, n) -> new Coverage(minutes(rs.getArray(1)), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getBoolean(5)))
			.optional();
	}

	/** Writes the coverage once; a second close keeps the first. */
	void insert(ActiveCheckIn checkIn, Coverage coverage) {
		Integer[] minutes = coverage.coveredMinutes().toArray(Integer[]::new);
		this.template.update("""
				INSERT INTO patrol_coverage (check_in_id, account_id, community_id, covered_minutes, accepted_positions,
				  outside_positions, implausible_positions, complete, closed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (check_in_id) DO NOTHING""", ps -> {
			ps.setLong(1, checkIn.checkInId());
			ps.setLong(2, checkIn.accountId());
			ps.setLong(3, checkIn.communityId());
			ps.setArray(4, ps.getConnection().createArrayOf("integer", minutes));
			ps.setInt(5, coverage.acceptedPositions());
			ps.setInt(6, coverage.outsidePositions());
			ps.setInt(7, coverage.implausiblePositions());
			ps.setBoolean(8, coverage.complete());
		});
	}

	/** Replaces a coverage with its final, revised figures. */
	void update(long checkInId, Coverage coverage) {
		this.template.update("""
				UPDATE patrol_coverage SET covered_minutes = ?, accepted_positions = ?, outside_positions = ?,
				  implausible_positions = ?, complete = ? WHERE check_in_id = ?""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("integer", coverage.coveredMinutes().toArray(Integer[]::new)));
			ps.setInt(2, coverage.acceptedPositions());
			ps.setInt(3, coverage.outsidePositions());
			ps.setInt(4, coverage.implausiblePositions());
			ps.setBoolean(5, coverage.complete());
			ps.setLong(6, checkInId);
		});
	}

	void insertTrack(ActiveCheckIn checkIn, List<TrackPoint> track) {
		this.template.batchUpdate("""
				INSERT INTO patrol_track (check_in_id, account_id, community_id, recorded_at, longitude, latitude, accuracy, inside)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", track, 500, (ps, point) -> {
			ps.setLong(1, checkIn.checkInId());
			ps.setLong(2, checkIn.accountId());
			ps.setLong(3, checkIn.communityId());
			ps.setTimestamp(4, Timestamp.from(point.recordedAt()));
			ps.setDouble(5, point.position().longitude());
			ps.setDouble(6, point.position().latitude());
			ps.setDouble(7, point.accuracy());
			ps.setBoolean(8, point.inside());
		});
	}

	/** A closed check-in's persisted track, newest first. */
	List<TrackPoint> track(long checkInId, int limit) {
		return this.jdbc.sql("""
				SELECT longitude, latitude, accuracy, recorded_at, inside FROM patrol_track
				WHERE check_in_id = ? ORDER BY recorded_at DESC LIMIT ?""")
			.params(checkInId, limit)
			.query((rs, n) -> new TrackPoint(new org.qibao.shared.GeoPoint(rs.getDouble(1), rs.getDouble(2)),
					rs.getDouble(3), rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
			.list();
	}

	/** Deletes tracks recorded before the cut-off; returns how many positions went. */
	int deleteTracksBefore(Instant cutOff) {
		return this.jdbc.sql("DELETE FROM patrol_track WHERE recorded_at < ?").param(Timestamp.from(cutOff)).update();
	}

	private static List<Integer> minutes(Array array) throws SQLException {
		return Arrays.asList((Integer[]) array.getArray());
	}

}
