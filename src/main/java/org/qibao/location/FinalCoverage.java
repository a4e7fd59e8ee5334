package org.qibao.location;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.location.LiveMap.Recorded;
import org.qibao.location.PatrolCoverage.Coverage;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a closed check-in's coverage final once its late-report window has passed: the coverage
 * persisted at check-out is read again from Redis, and when positions came in late it is revised
 * and {@link PatrolCoverageRevised} is published, so that attendance in review can be verified.
 * Each check-in is claimed by one instance (a conditional update), so it is revised once.
 */
@Component
class FinalCoverage {

	private static final Log log = LogFactory.getLog(FinalCoverage.class);

	private static final int PER_RUN = 100;

	private final JdbcClient jdbc;

	private final LocationCheckIns checkIns;

	private final LiveMap liveMap;

	private final CoverageRecords records;

	private final CheckInCoverage coverage;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final LocationProperties properties;

	private final Clock clock;

	FinalCoverage(JdbcClient jdbc, LocationCheckIns checkIns, LiveMap liveMap, CoverageRecords records,
			CheckInCoverage coverage, TransactionTemplate transaction, ApplicationEventPublisher events,
			LocationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.checkIns = checkIns;
		this.liveMap = liveMap;
		this.records = records;
		this.coverage = coverage;
		this.transaction = transaction;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.location.final-coverage-period:1m}",
			fixedDelayString = "${qibao.location.final-coverage-period:1m}")
	void onSchedule() {
		try {
			makeFinal(this.clock.instant());
		}
		catch (LiveMapUnavailableException ex) {
			log.warn("Coverage not made final: Redis is unavailable; tried again later");
		}
	}

	/** Makes final the coverage of the check-ins closed longer than the late-report window before now. */
	int makeFinal(Instant now) {
		List<Long> due = this.jdbc.sql("""
				SELECT check_in_id FROM location_check_in WHERE coverage_final_at IS NULL AND checked_out_at < ?
				ORDER BY checked_out_at LIMIT ?""")
			.params(Timestamp.from(now.minus(this.properties.lateReportWindow())), PER_RUN)
			.query(Long.class)
			.list();
		int revised = 0;
		for (long checkInId : due) {
			Boolean changed = this.transaction.execute(status -> claimed(checkInId) && revise(checkInId));
			revised += Boolean.TRUE.equals(changed) ? 1 : 0;
		}
		return revised;
	}

	private boolean claimed(long checkInId) {
		return this.jdbc.sql("""
				UPDATE location_check_in SET coverage_final_at = now() WHERE check_in_id = ? AND coverage_final_at IS NULL""")
			.param(checkInId)
			.update() == 1;
	}

	/** Revises the persisted coverage when positions came in late; an outage rolls the claim back. */
	private boolean revise(long checkInId) {
		Optional<Coverage> persisted = this.records.find(checkInId);
		Optional<ActiveCheckIn> checkIn = this.checkIns.find(checkInId);
		if (persisted.isEmpty() || checkIn.isEmpty()) {
			return false;
		}
		Recorded recorded = this.liveMap.recorded(checkIn.get().communityId(), checkInId);
		Coverage now = this.coverage.coverage(checkIn.get(), recorded);
		if (now.acceptedPositions() <= persisted.get().acceptedPositions()) {
			return false;
		}
		Coverage revised = new Coverage(now.coveredMinutes(), now.acceptedPositions(), now.outsidePositions(),
				now.implausiblePositions(), now.complete() && persisted.get().complete());
		this.records.update(checkInId, revised);
		this.records.insertTrack(checkIn.get(), recorded.track());
		this.events.publishEvent(new PatrolCoverageRevised(checkInId, revised));
		return true;
	}

}
