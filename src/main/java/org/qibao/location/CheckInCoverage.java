package org.qibao.location;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.location.LiveMap.Recorded;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends live tracking of a check-in: its coverage and track go from Redis to PostgreSQL, and
 * the volunteer leaves the live map at once. When Redis failed during the check-in (or fails
 * now), the coverage is marked incomplete so the patrol module sends it to captain review.
 */
@Service
class CheckInCoverage implements PatrolCoverage {

	private static final Log log = LogFactory.getLog(CheckInCoverage.class);

	private final LocationCheckIns checkIns;

	private final LiveMap liveMap;

	private final LivePositionStore store;

	private final CoverageRecords records;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CheckInCoverage(LocationCheckIns checkIns, LiveMap liveMap, LivePositionStore store, CoverageRecords records,
			TransactionTemplate transaction, Clock clock) {
		this.checkIns = checkIns;
		this.liveMap = liveMap;
		this.store = store;
		this.records = records;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public Coverage close(long checkInId) {
		Optional<Coverage> persisted = this.records.find(checkInId);
		if (persisted.isPresent()) {
			return persisted.get();
		}
		Optional<ActiveCheckIn> found = this.checkIns.find(checkInId);
		if (found.isEmpty()) {
			return new Coverage(List.of(), 0, 0, 0, false);
		}
		ActiveCheckIn checkIn = found.get();
		Recorded recorded = recordedOrNothing(checkIn);
		Coverage coverage = coverage(checkIn, recorded);
		this.transaction.executeWithoutResult(status -> {
			if (this.records.find(checkInId).isEmpty()) {
				this.records.insert(checkIn, coverage);
				this.records.insertTrack(checkIn, recorded == null ? List.of() : recorded.track());
			}
		});
		leaveTheLiveMap(checkIn);
		return this.records.find(checkInId).orElse(coverage);
	}

	private Recorded recordedOrNothing(ActiveCheckIn checkIn) {
		try {
			return this.liveMap.recorded(checkIn.communityId(), checkIn.checkInId());
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(checkIn.checkInId());
			return null;
		}
	}

	/** The coverage Redis records for the check-in; nothing when Redis could not be read. */
	Coverage coverage(ActiveCheckIn checkIn, Recorded recorded) {
		if (recorded == null) {
			return new Coverage(List.of(), 0, 0, 0, false);
		}
		long windowMinutes = Duration.between(checkIn.windowStart(), checkIn.windowEnd()).toMinutes();
		List<Integer> minutes = new ArrayList<>();
		byte[] bits = recorded.coverage();
		for (int minute = 0; minute < windowMinutes && minute / 8 < bits.length; minute++) {
			if ((bits[minute / 8] & (0x80 >>> (minute % 8))) != 0) {
				minutes.add(minute);
			}
		}
		return new Coverage(minutes, counter(recorded, "accepted"), counter(recorded, "outside"),
				counter(recorded, "implausible"), !this.records.hadOutage(checkIn.checkInId()));
	}

	private static int counter(Recorded recorded, String name) {
		Object value = recorded.counts().get(name);
		return value == null ? 0 : Integer.parseInt(value.toString());
	}

	private void leaveTheLiveMap(ActiveCheckIn checkIn) {
		this.checkIns.forget(checkIn.accountId());
		try {
			LivePatroller last = this.store.previous(checkIn).last();
			Instant closedAt = (checkIn.checkedOutAt() != null) ? checkIn.checkedOutAt() : this.clock.instant();
			this.liveMap.remove(checkIn.communityId(), checkIn.checkInId(), closedAt, last);
		}
		catch (LiveMapUnavailableException ex) {
			// the entry expires by itself; the check-in is already marked for review
			log.warn("Redis unavailable while closing check-in " + checkIn.checkInId());
		}
	}

}
