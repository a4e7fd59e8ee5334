package org.qibao.patrol;

import java.time.Instant;
import java.util.List;

import org.qibao.geo.Geofence;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/**
 * Check-in and check-out on the spot, and checkpoint scans. A volunteer has at most one open
 * check-in (a partial unique index), so two devices checking in at once give one check-in; after
 * checking out, they may check in to the same shift again.
 */
@Service
class CheckIns {

	/** Where and how sure a phone was, and who reported it. */
	record Fix(GeoPoint position, Double accuracy) {
	}

	private final JdbcClient jdbc;

	private final PatrolQueries queries;

	private final Geography geography;

	private final Attendances attendances;

	private final CheckInRules rules;

	private final LiveSessions liveSessions;

	CheckIns(JdbcClient jdbc, PatrolQueries queries, Geography geography, Attendances attendances,
			PatrolProperties properties, LiveSessions liveSessions, Geofence geofence) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.geography = geography;
		this.attendances = attendances;
		this.rules = new CheckInRules(properties, geofence);
		this.liveSessions = liveSessions;
	}

	@Transactional
	CheckIn checkIn(long shiftId, long accountId, Fix fix, Long reportedBy, Instant now) {
		this.rules.requireSoundFix(fix.position(), fix.accuracy());
		CheckInFacts facts = this.queries.checkInFacts(shiftId, accountId)
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "shiftId"));
		Shift shift = facts.shift();
		require(!shift.cancelled(), "SHIFT_CANCELLED", "shiftId");
		require("CONFIRMED".equals(facts.signupStatus()), "NOT_SIGNED_UP", "shiftId");
		Long openShiftId = facts.openShiftId();
		require(openShiftId == null || openShiftId == shiftId, "CHECKED_IN_ELSEWHERE", "shiftId");
		// checking in again after a check-out is fine (a break, a phone that died); minutes still count once
		require(openShiftId == null, "ALREADY_CHECKED_IN", "shiftId");
		this.rules.requireWindowOpen(shift, now);
		requireInArea(facts.gridIds(), fix);
		try {
			CheckIn opened = this.jdbc.sql("""
					INSERT INTO check_in (shift_id, account_id, checked_in_at, in_longitude, in_latitude, in_accuracy, reported_by)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *""")
				.params(shiftId, accountId, at(now), fix.position().longitude(), fix.position().latitude(), fix.accuracy(),
						reportedBy)
				.query(Rows.CHECK_IN)
				.single();
			this.liveSessions.opened(opened, shift, facts.communityId(), facts.gridIds());
			return opened;
		}
		catch (DuplicateKeyException ex) {
			// another device of the same volunteer checked in a moment earlier
			throw new BusinessRuleException("ALREADY_CHECKED_IN", "shiftId");
		}
	}

	@Transactional
	CheckIn checkOut(long shiftId, long accountId, Fix fix, Long captainId, Instant now) {
		this.rules.requireSoundFix(fix.position(), fix.accuracy());
		CheckIn open = this.queries.openCheckInOf(accountId)
			.filter(c -> c.shiftId() == shiftId)
			.orElseThrow(() -> new BusinessRuleException("NOT_CHECKED_IN", "shiftId"));
		Shift shift = this.queries.shift(shiftId).orElseThrow();
		requireInArea(this.queries.gridIdsOfShifts(List.of(shiftId)).getOrDefault(shiftId, List.of()), fix);
		int changed = this.jdbc.sql("""
				UPDATE check_in SET checked_out_at = ?, out_longitude = ?, out_latitude = ?, out_accuracy = ?,
				       closed_how = ?, closed_by = ?
				WHERE id = ? AND checked_out_at IS NULL""")
			.params(at(now), fix.position().longitude(), fix.position().latitude(), fix.accuracy(),
					captainId == null ? "SELF" : "CAPTAIN", captainId, open.id())
			.update();
		require(changed == 1, "NOT_CHECKED_IN", "shiftId");
		return closed(open.id(), shift, now);
	}

	/**
	 * Closes a forgotten check-in at its shift's end plus grace. Returns false when another
	 * instance (or the volunteer) closed it first: the conditional update lets only one through.
	 */
	@Transactional
	boolean closeAutomatically(long checkInId, Instant at, Instant now) {
		int changed = this.jdbc.sql("""
				UPDATE check_in SET checked_out_at = greatest(?, checked_in_at), closed_how = 'AUTOMATIC'
				WHERE id = ? AND checked_out_at IS NULL""")
			.params(at(at), checkInId)
			.update();
		if (changed == 0) {
			return false;
		}
		CheckIn checkIn = this.queries.checkIns(List.of(checkInId)).get(checkInId);
		closed(checkInId, this.queries.shift(checkIn.shiftId()).orElseThrow(), now);
		return true;
	}

	/** Records a checkpoint's QR code scanned during the shift by a checked-in volunteer standing near it. */
	@Transactional
	Checkpoint scan(String code, long accountId, Fix fix, Instant now) {
		this.rules.requireSoundFix(fix.position(), fix.accuracy());
		String typed = code == null ? "" : code.trim();
		boolean known = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM checkpoint WHERE code = ?)").param(typed)
			.query(Boolean.class).single();
		require(known, "UNKNOWN_CHECKPOINT", "code");
		// a schedule's plaque is one code on every shift of the schedule: the one counted is the open check-in's
		CheckIn open = this.queries.openCheckInOf(accountId)
			.orElseThrow(() -> new BusinessRuleException("NOT_CHECKED_IN", "code"));
		Checkpoint checkpoint = this.jdbc.sql("SELECT * FROM checkpoint WHERE code = ? AND shift_id = ?")
			.params(typed, open.shiftId())
			.query(Rows.CHECKPOINT)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("NOT_CHECKED_IN", "code"));
		Shift shift = this.queries.shift(checkpoint.shiftId()).orElseThrow();
		require(!now.isBefore(shift.startsAt()) && now.isBefore(shift.endsAt()), "CHECKPOINT_OUTSIDE_SHIFT", "code");
		this.rules.requireNear(checkpoint, fix.position(), fix.accuracy());
		this.jdbc.sql("""
				INSERT INTO checkpoint_visit (checkpoint_id, check_in_id, visited_at, longitude, latitude, accuracy)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (checkpoint_id, check_in_id) DO NOTHING""")
			.params(checkpoint.id(), open.id(), at(now), fix.position().longitude(), fix.position().latitude(),
					fix.accuracy())
			.update();
		return checkpoint;
	}

	private CheckIn closed(long checkInId, Shift shift, Instant now) {
		CheckIn closed = this.queries.checkIns(List.of(checkInId)).get(checkInId);
		this.liveSessions.closed(closed);
		this.attendances.record(closed, shift, now);
		return closed;
	}

	private void requireInArea(List<Long> gridIds, Fix fix) {
		List<Grid> grids = List.copyOf(this.geography.grids(gridIds).values());
		this.rules.requireInArea(grids, fix.position(), fix.accuracy(), grid -> this.geography.metresOutside(grid, fix.position()));
	}

}
