package org.qibao.timebank;

import java.time.LocalDate;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.patrol.AttendanceVerified;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits verified patrol minutes from the community's issuing account, exactly once per
 * attendance. The event comes through Spring Modulith's publication registry, so it survives
 * a crash and may arrive twice; the attendance's row is what makes a second delivery a no-op.
 */
@Component
class PatrolEarnings {

	private static final Log log = LogFactory.getLog(PatrolEarnings.class);

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Policies policies;

	private final Geography geography;

	private final PatrolCreditNotices notices;

	PatrolEarnings(JdbcClient jdbc, Ledger ledger, Policies policies, Geography geography,
			PatrolCreditNotices notices) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.policies = policies;
		this.geography = geography;
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(AttendanceVerified attendance) {
		credit(attendance);
	}

	/** Credits the attendance, or does nothing when it was credited before; returns the credited minutes. */
	@Transactional
	int credit(AttendanceVerified attendance) {
		long passbook = this.ledger.open(AccountRef.passbook(attendance.communityId(), attendance.accountId()));
		long issuing = this.ledger.open(AccountRef.issuing(attendance.communityId()));
		// the passbook's lock serialises this person's earnings, so caps cannot be raced past
		this.ledger.lock(passbook, issuing);
		if (alreadyCredited(attendance.attendanceId())) {
			return 0;
		}
		Community community = this.geography.communities(List.of(attendance.communityId())).get(attendance.communityId());
		LocalDate day = attendance.verifiedAt().atZone(community.zone()).toLocalDate();
		int verified = Math.max(0, attendance.verifiedMinutes());
		int credited = this.policies.of(attendance.communityId())
			.creditable(verified, creditedOn(passbook, day), creditedInTotal(passbook));
		Long transferId = null;
		if (credited > 0) {
			String key = "attendance:" + attendance.attendanceId();
			transferId = this.ledger
				.post(TransferRequest.of(TransferKind.PATROL_EARNING, issuing, passbook, credited, key,
						attendance.verifiedBy(), key))
				.id();
		}
		this.jdbc.sql("""
				INSERT INTO patrol_earning (attendance_id, passbook_id, verified_minutes, credited_minutes, honour_minutes,
				                            earned_on, verified_at, transfer_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attendance.attendanceId(), passbook, verified, credited, verified - credited, day,
					java.sql.Timestamp.from(attendance.verifiedAt()), transferId)
			.update();
		if (credited > 0) {
			this.notices.credited(attendance, community.zone(), credited);
		}
		log.info("Attendance " + attendance.attendanceId() + ": credited " + credited + " of " + verified + " minutes");
		return credited;
	}

	private boolean alreadyCredited(long attendanceId) {
		return this.jdbc.sql("SELECT count(*) FROM patrol_earning WHERE attendance_id = ?")
			.param(attendanceId)
			.query(Integer.class)
			.single() > 0;
	}

	private long creditedOn(long passbook, LocalDate day) {
		return this.jdbc.sql("SELECT coalesce(sum(credited_minutes), 0) FROM patrol_earning WHERE passbook_id = ? AND earned_on = ?")
			.params(passbook, day)
			.query(Long.class)
			.single();
	}

	private long creditedInTotal(long passbook) {
		return this.jdbc.sql("SELECT coalesce(sum(credited_minutes), 0) FROM patrol_earning WHERE passbook_id = ?")
			.param(passbook)
			.query(Long.class)
			.single();
	}

}
