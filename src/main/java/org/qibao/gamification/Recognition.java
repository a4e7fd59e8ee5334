package org.qibao.gamification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.casework.CaseReportVerified;
import org.qibao.patrol.AttendanceReversed;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.timebank.GiftGiven;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hears verified activity and recognises it: keeps the fact, writes its points, awards badges and,
 * once the transaction has committed, moves the leaderboards. Events come through the event
 * publication registry and may arrive twice; the fact's primary key and the ledger's UNIQUE key
 * make the second delivery write nothing.
 */
@Component
class Recognition {

	private static final Log log = LogFactory.getLog(Recognition.class);

	private static final List<String> PATROL_SOURCES = List.of("PATROL", "CHECKPOINTS", "PROXY_PATROL");

	private final JdbcClient jdbc;

	private final CommunityPlaces places;

	private final PointsLedger ledger;

	private final Badges badges;

	private final Leaderboards leaderboards;

	private final ReviewFlags flags;

	private final Clock clock;

	Recognition(JdbcClient jdbc, CommunityPlaces places, PointsLedger ledger, Badges badges, Leaderboards leaderboards,
			ReviewFlags flags, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.ledger = ledger;
		this.badges = badges;
		this.leaderboards = leaderboards;
		this.flags = flags;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AttendanceVerified event) {
		recognise(PatrolFact.of(event));
	}

	@ApplicationModuleListener
	void on(AttendanceReversed event) {
		takeBack(event.attendanceId(), event.reversedAt());
	}

	/** Recognises a verified patrol once; returns the entries written now. */
	@Transactional
	List<PointsEntry> recognise(PatrolFact patrol) {
		CommunityPlace place = this.places.of(patrol.communityId()).orElse(null);
		if (place == null || !keep(patrol)) {
			return List.of();
		}
		List<PointsEntry> written = this.ledger.award(place, patrol.patrolledAt(), this.clock.instant(),
				PointsPolicy.forPatrol(patrol));
		List<Long> people = new ArrayList<>(List.of(patrol.accountId()));
		if (patrol.proxiedBy() != null) {
			people.add(patrol.proxiedBy());
		}
		this.badges.evaluate(place, people);
		this.flags.check(patrol);
		afterCommit(written);
		log.info("Attendance " + patrol.attendanceId() + ": " + written.size() + " points entries");
		return written;
	}

	/**
	 * Takes back what a patrol earned, once, with reversing entries; the badges of the people it
	 * concerned are evaluated afresh without it, so a badge it alone earned goes too.
	 */
	@Transactional
	List<PointsEntry> takeBack(long attendanceId, Instant reversedAt) {
		this.jdbc.sql("UPDATE patrol_fact SET reversed_at = ? WHERE attendance_id = ? AND reversed_at IS NULL")
			.params(Timestamp.from(reversedAt), attendanceId)
			.update();
		List<PointsEntry> reversals = this.ledger.reverse(PATROL_SOURCES, attendanceId, this.clock.instant());
		if (!reversals.isEmpty()) {
			this.places.of(reversals.get(0).communityId())
				.ifPresent(place -> this.badges.reevaluate(place,
						reversals.stream().map(PointsEntry::accountId).distinct().toList()));
		}
		afterCommit(reversals);
		return reversals;
	}

	@ApplicationModuleListener
	void on(GiftGiven gift) {
		recogniseGift(gift.giftId(), gift.communityId(), gift.senderId(), gift.sentAt());
	}

	/** Recognises a gift given, once, within the giver's monthly allowance of earning gifts. */
	@Transactional
	List<PointsEntry> recogniseGift(long giftId, long communityId, long senderId, Instant sentAt) {
		CommunityPlace place = this.places.of(communityId).orElse(null);
		if (place == null) {
			return List.of();
		}
		// one giver's gifts are counted one at a time, so two at once cannot both take the last allowance
		this.jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l").param(senderId).query(Integer.class).single();
		int earned = this.jdbc.sql("""
				SELECT count(*) FROM points_entry
				WHERE account_id = ? AND community_id = ? AND source = 'GIFT' AND counts_month = ?""")
			.params(senderId, communityId, place.month(sentAt))
			.query(Integer.class)
			.single();
		List<PointsEntry> written = this.ledger.award(place, sentAt, this.clock.instant(),
				PointsPolicy.forGift(giftId, senderId, earned));
		afterCommit(written);
		return written;
	}

	@ApplicationModuleListener
	void on(CaseReportVerified event) {
		recogniseReport(event.caseId(), event.reporterAccountId(), event.communityId(), event.gridId(),
				event.verifiedAt());
	}

	/** Recognises an incident report a grid worker verified (casework's event), once. */
	@Transactional
	List<PointsEntry> recogniseReport(long caseId, long reporterId, long communityId, Long gridId, Instant verifiedAt) {
		CommunityPlace place = this.places.of(communityId).orElse(null);
		if (place == null) {
			return List.of();
		}
		int added = this.jdbc.sql("""
				INSERT INTO report_fact (case_id, account_id, community_id, grid_id, verified_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(caseId, reporterId, communityId, gridId, Timestamp.from(verifiedAt))
			.update();
		if (added == 0) {
			return List.of();
		}
		List<PointsEntry> written = this.ledger.award(place, verifiedAt, this.clock.instant(),
				List.of(PointsPolicy.forVerifiedReport(caseId, reporterId)));
		this.badges.evaluate(place, List.of(reporterId));
		afterCommit(written);
		return written;
	}

	/** Stores the fact; false when it was stored before (a second delivery). */
	private boolean keep(PatrolFact p) {
		return this.jdbc.sql("""
				INSERT INTO patrol_fact (attendance_id, account_id, community_id, team_id, grid_ids, patrolled_at,
				                         shift_starts_at, checked_out_at, verified_minutes, checkpoints, proxied_by, verified_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(p.attendanceId(), p.accountId(), p.communityId(), p.teamId(), p.gridIds().toArray(Long[]::new),
					Timestamp.from(p.patrolledAt()), ts(p.shiftStartsAt()), ts(p.checkedOutAt()), p.verifiedMinutes(),
					p.checkpoints(), p.proxiedBy(), Timestamp.from(p.verifiedAt()))
			.update() == 1;
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	/** The boards move only for entries that committed; a rolled-back award never shows. */
	private void afterCommit(List<PointsEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.leaderboards.add(entries);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Recognition.this.leaderboards.add(entries);
			}
		});
	}

}
