package org.qibao.patrol;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.location.PatrolCoverage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.at;
import static org.qibao.patrol.Rules.require;

/**
 * Attendance of closed check-ins: verified automatically when clean, otherwise reviewed by a
 * captain. Final attendance publishes {@link AttendanceVerified} in the same transaction, so the
 * event publication registry holds it until the time bank has credited it.
 */
@Service
class Attendances {

	private static final Log log = LogFactory.getLog(Attendances.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<PatrolCoverage> coverage;

	private final AttendancePolicy policy;

	private final PatrolQueries queries;

	private final ApplicationEventPublisher events;

	private final Notifications notifications;

	private final PatrolAudit audit;

	Attendances(JdbcClient jdbc, ObjectProvider<PatrolCoverage> coverage, PatrolProperties properties,
			PatrolQueries queries, ApplicationEventPublisher events, Notifications notifications, PatrolAudit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.coverage = coverage;
		this.policy = new AttendancePolicy(properties);
		this.queries = queries;
		this.events = events;
		this.notifications = notifications;
	}

	/**
	 * Records the attendance of a check-in that has just closed, counting only the minutes the
	 * person's earlier check-ins of the same shift did not count. (Their check-ins close one after
	 * another: a person has at most one open check-in.)
	 */
	@Transactional
	Attendance record(CheckIn closed, Shift shift, Instant now) {
		PatrolCoverage.Coverage covered = coverageOf(closed.id());
		AttendancePolicy.Verdict verdict = this.policy.assess(covered, shift.startsAt(), shift.endsAt(),
				closed.checkedInAt(), closed.checkedOutAt(), earlier(closed));
		long id = this.jdbc.sql("""
				INSERT INTO attendance (check_in_id, status, checked_in_minutes, covered_minutes, review_reason,
				                        verified_minutes, decided_at, counted_minutes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(closed.id(), verdict.clean() ? "VERIFIED" : "IN_REVIEW", verdict.checkedInMinutes(),
					verdict.coveredMinutes(), verdict.reviewReason(), verdict.clean() ? verdict.coveredMinutes() : null,
					verdict.clean() ? at(now) : null, verdict.countedMinutes().toArray(Integer[]::new))
			.query(Long.class)
			.single();
		Attendance attendance = find(id);
		if (verdict.clean()) {
			publish(attendance, now);
		}
		return attendance;
	}

	/**
	 * Assesses again an attendance still in review once its check-in's coverage is final, grown by
	 * positions the phone sent after the check-out: verified now if clean (credited once: only an
	 * attendance in review, locked, turns verified), else kept in review with the new figures.
	 */
	@Transactional
	void reassess(long checkInId, PatrolCoverage.Coverage coverage, Instant now) {
		Long id = this.jdbc.sql("SELECT id FROM attendance WHERE check_in_id = ? AND status = 'IN_REVIEW' FOR UPDATE")
			.param(checkInId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return;
		}
		CheckIn checkIn = this.queries.checkIns(List.of(checkInId)).get(checkInId);
		Shift shift = this.queries.shift(checkIn.shiftId()).orElseThrow();
		AttendancePolicy.Verdict verdict = this.policy.assess(coverage, shift.startsAt(), shift.endsAt(),
				checkIn.checkedInAt(), checkIn.checkedOutAt(), earlier(checkIn));
		this.jdbc.sql("""
				UPDATE attendance SET status = ?, covered_minutes = ?, review_reason = ?, verified_minutes = ?, decided_at = ?,
				                      counted_minutes = ?
				WHERE id = ?""")
			.params(verdict.clean() ? "VERIFIED" : "IN_REVIEW", verdict.coveredMinutes(), verdict.reviewReason(),
					verdict.clean() ? verdict.coveredMinutes() : null, verdict.clean() ? at(now) : null,
					verdict.countedMinutes().toArray(Integer[]::new), id)
			.update();
		if (verdict.clean()) {
			publish(find(id), now);
		}
	}

	/**
	 * A reviewer approves attendance in review with a number of minutes, at most the minutes checked in;
	 * nobody approves their own.
	 */
	@Transactional
	Attendance approve(long attendanceId, int minutes, long reviewerId, Instant now) {
		Attendance attendance = lockInReview(attendanceId);
		Rules.enforce(ReviewPolicy.reviewer(reviewerId, attendance));
		Rules.enforce(ReviewPolicy.approval(minutes, attendance));
		this.jdbc.sql("""
				UPDATE attendance SET status = 'APPROVED', verified_minutes = ?, decided_at = ?, decided_by = ? WHERE id = ?""")
			.params(minutes, at(now), reviewerId, attendanceId)
			.update();
		Attendance approved = find(attendanceId);
		publish(approved, now);
		this.audit.inCommunity(reviewerId, approved.communityId(), "attendanceApprove", "Attendance", attendanceId,
				java.util.Map.of("status", attendance.status()),
				java.util.Map.of("status", approved.status(), "verifiedMinutes", minutes));
		this.notifications.reviewDecided(approved);
		return approved;
	}

	/** A reviewer rejects attendance in review with a reason; nobody rejects their own either. */
	@Transactional
	Attendance reject(long attendanceId, String reason, long reviewerId, Instant now) {
		String why = Rules.reason(reason, "reason");
		Attendance attendance = lockInReview(attendanceId);
		Rules.enforce(ReviewPolicy.reviewer(reviewerId, attendance));
		this.jdbc.sql("""
				UPDATE attendance SET status = 'REJECTED', rejection_reason = ?, decided_at = ?, decided_by = ? WHERE id = ?""")
			.params(why, at(now), reviewerId, attendanceId)
			.update();
		Attendance rejected = find(attendanceId);
		this.audit.inCommunity(reviewerId, rejected.communityId(), "attendanceReject", "Attendance", attendanceId,
				java.util.Map.of("status", attendance.status()),
				java.util.Map.of("status", rejected.status(), "rejectionReason", why));
		this.notifications.reviewDecided(rejected);
		return rejected;
	}

	/** The attendance of the person's other check-ins of the same shift: what they already counted. */
	private List<AttendancePolicy.Earlier> earlier(CheckIn closed) {
		return this.jdbc.sql("""
				SELECT c.checked_in_at, c.checked_out_at, a.checked_in_minutes, a.counted_minutes
				FROM attendance a JOIN check_in c ON c.id = a.check_in_id
				WHERE c.shift_id = ? AND c.account_id = ? AND c.id <> ?""")
			.params(closed.shiftId(), closed.accountId(), closed.id())
			.query((rs, n) -> new AttendancePolicy.Earlier(Rows.instant(rs, "checked_in_at"),
					Rows.instant(rs, "checked_out_at"), rs.getInt("checked_in_minutes"),
					Set.of((Integer[]) rs.getArray("counted_minutes").getArray())))
			.list();
	}

	Attendance find(long id) {
		return this.queries.attendances(List.of(id)).get(id);
	}

	private Attendance lockInReview(long attendanceId) {
		String status = this.jdbc.sql("SELECT status FROM attendance WHERE id = ? FOR UPDATE")
			.param(attendanceId)
			.query(String.class)
			.optional()
			.orElse(null);
		require(status != null, "NOT_FOUND", "attendanceId");
		require("IN_REVIEW".equals(status), "ALREADY_DECIDED", "attendanceId");
		return find(attendanceId);
	}

	private void publish(Attendance attendance, Instant now) {
		this.events.publishEvent(new AttendanceVerified(attendance.id(), attendance.accountId(), attendance.communityId(),
				attendance.verifiedMinutes(), now, attendance.decidedBy(), patrolOf(attendance)));
	}

	/** What the verified patrol was, for the modules that recognise it (gamification's badges and boards). */
	private AttendanceVerified.Patrol patrolOf(Attendance attendance) {
		CheckIn checkIn = this.queries.checkIns(List.of(attendance.checkInId())).get(attendance.checkInId());
		Shift shift = this.queries.shift(attendance.shiftId()).orElseThrow();
		List<Long> grids = this.jdbc.sql("SELECT grid_id FROM shift_grid WHERE shift_id = ? ORDER BY grid_id")
			.param(shift.id())
			.query(Long.class)
			.list();
		int checkpoints = this.jdbc.sql("SELECT count(*) FROM checkpoint_visit WHERE check_in_id = ?")
			.param(checkIn.id())
			.query(Integer.class)
			.single();
		return new AttendanceVerified.Patrol(shift.teamId(), grids, shift.startsAt(), checkIn.checkedInAt(),
				checkIn.checkedOutAt(), checkpoints, checkIn.reportedBy());
	}

	/** The location module's coverage, or null when it is unavailable: the attendance then goes to review. */
	private PatrolCoverage.Coverage coverageOf(long checkInId) {
		PatrolCoverage live = this.coverage.getIfAvailable();
		if (live == null) {
			return null;
		}
		try {
			return live.close(checkInId);
		}
		catch (RuntimeException ex) {
			log.warn("No coverage for check-in " + checkInId + ": " + ex.getMessage());
			return null;
		}
	}

}
