package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qibao.location.CheckInLookup.ActiveCheckIn;
import org.qibao.location.LivePositionStore.Previous;
import org.qibao.location.LivePositionStore.Stored;
import org.qibao.location.LivePositionStore.Written;
import org.qibao.shared.BusinessRuleException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The hot path: a phone's position reports pass the filters in order, against the check-in's
 * last position (as this instance last stored it, or else as Redis holds it), the survivors are
 * placed in the patrol area, and all of a report or batch is written to Redis in one atomic step.
 */
@Service
class PositionReporting {

	private final OpenCheckIns checkIns;

	private final LivePositionStore store;

	private final PatrolArea area;

	private final CoverageRecords records;

	private final PositionMetrics metrics;

	private final LocationProperties properties;

	private final PositionFilters filters;

	private final LastPositions lastPositions;

	PositionReporting(OpenCheckIns checkIns, LivePositionStore store, LastPositions lastPositions, PatrolArea area,
			CoverageRecords records, PositionMetrics metrics, LocationProperties properties) {
		this.checkIns = checkIns;
		this.store = store;
		this.lastPositions = lastPositions;
		this.area = area;
		this.records = records;
		this.metrics = metrics;
		this.properties = properties;
		this.filters = new PositionFilters(properties);
	}

	/**
	 * What became of the reports.
	 *
	 * @param coalesced reports too soon after the last stored one, merged into it
	 * @param dropped the other reports not stored, by reason
	 * @param patroller the reporter's place on the live map after the reports, or null
	 */
	record Outcome(int accepted, int coalesced, Map<DropReason, Integer> dropped, LivePatroller patroller) {
	}

	/**
	 * Files reports for the reporter, or for a member a captain checked in. Refuses with
	 * {@code NO_OPEN_CHECK_IN}, {@code BATCH_TOO_LARGE} or {@code LIVE_MAP_UNAVAILABLE}, storing nothing.
	 */
	Outcome report(long reporterId, Long forAccountId, List<PositionReport> reports) {
		if (reports.size() > this.properties.maxBatch()) {
			throw new BusinessRuleException("BATCH_TOO_LARGE", "reports", this.properties.maxBatch());
		}
		long subject = (forAccountId == null) ? reporterId : forAccountId;
		ActiveCheckIn checkIn = this.checkIns.of(subject)
			.orElseThrow(() -> new BusinessRuleException("NO_OPEN_CHECK_IN", "input"));
		if (subject != reporterId && (checkIn.reportedBy() == null || checkIn.reportedBy() != reporterId)) {
			throw new AccessDeniedException("Only the captain who checked the member in reports for them");
		}
		try {
			LivePatroller known = this.lastPositions.of(checkIn.checkInId());
			if (known != null) {
				Filed filed = file(checkIn, known, reports);
				Written written = write(filed, known);
				if (written != Written.MOVED) {
					return outcome(subject, checkIn, filed, known, written);
				}
			}
			Previous previous = this.store.previous(checkIn);
			if (previous.closed()) {
				throw closed(subject, checkIn);
			}
			Filed filed = file(checkIn, previous.last(), reports);
			return outcome(subject, checkIn, filed, previous.last(), write(filed, null));
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(checkIn.checkInId());
			throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
		}
	}

	/** Stores what the filters let through, if anything; STORED when there was nothing to store. */
	private Written write(Filed filed, LivePatroller filteredAgainst) {
		if (filed.stored().accepted().isEmpty() && filed.stored().implausible() == 0) {
			return Written.STORED;
		}
		return this.store.store(filed.stored(), filteredAgainst);
	}

	private Outcome outcome(long subject, ActiveCheckIn checkIn, Filed filed, LivePatroller before, Written written) {
		if (written == Written.CLOSED) {
			throw closed(subject, checkIn);
		}
		LivePatroller latest = filed.stored().latest();
		if (latest != null) {
			this.lastPositions.stored(latest);
		}
		this.metrics.accepted(filed.stored().accepted().size());
		filed.reasons().forEach(this.metrics::dropped);
		return new Outcome(filed.stored().accepted().size(), count(filed.reasons(), DropReason.TOO_FREQUENT),
				dropped(filed.reasons()), (latest != null) ? latest : before);
	}

	/** Forgets the check-in, closed meanwhile, and says so. */
	private BusinessRuleException closed(long subject, ActiveCheckIn checkIn) {
		this.checkIns.forget(subject);
		this.lastPositions.forget(checkIn.checkInId());
		return new BusinessRuleException("NO_OPEN_CHECK_IN", "input");
	}

	private record Filed(Stored stored, List<DropReason> reasons) {
	}

	private Filed file(ActiveCheckIn checkIn, LivePatroller last, List<PositionReport> reports) {
		Instant now = Instant.now();
		List<PositionReport> inOrder = new ArrayList<>(reports);
		inOrder.sort(Comparator.comparing(PositionReport::recordedAt));
		List<TrackPoint> accepted = new ArrayList<>();
		List<Integer> minutes = new ArrayList<>();
		List<DropReason> reasons = new ArrayList<>();
		LivePatroller latest = null;
		int outside = 0;
		for (PositionReport report : inOrder) {
			DropReason reason = this.filters.dropReason(report, new PositionFilter.Context(checkIn, last, now));
			if (reason != null) {
				reasons.add(reason);
				continue;
			}
			latest = placed(checkIn, report);
			last = latest;
			accepted.add(new TrackPoint(report.position(), report.accuracy(), report.recordedAt(), latest.inside()));
			if (!latest.inside()) {
				outside++;
			}
			else {
				minute(checkIn, report.recordedAt(), minutes);
			}
		}
		int implausible = (int) reasons.stream().filter(DropReason::implausible).count();
		return new Filed(new Stored(checkIn, accepted, minutes, latest, outside, implausible), reasons);
	}

	/** The geofence step: which grid of the patrol area the position is in, if any. */
	private LivePatroller placed(ActiveCheckIn checkIn, PositionReport report) {
		Long gridId = this.area.gridOf(checkIn.gridIds(), report.position(),
				Math.min(this.properties.geofenceToleranceMetres(), report.accuracy()));
		return new LivePatroller(checkIn.checkInId(), checkIn.accountId(), checkIn.teamId(), checkIn.communityId(),
				checkIn.gridIds(), gridId, report.position(), report.accuracy(), report.recordedAt(), report.speed(),
				report.heading(), gridId != null, false, null);
	}

	private static void minute(ActiveCheckIn checkIn, Instant at, List<Integer> minutes) {
		long minute = Duration.between(checkIn.windowStart(), at).toMillis() / 60_000;
		long windowMinutes = Duration.between(checkIn.windowStart(), checkIn.windowEnd()).toMinutes();
		if (!at.isBefore(checkIn.windowStart()) && minute < windowMinutes) {
			minutes.add((int) minute);
		}
	}

	private static Map<DropReason, Integer> dropped(List<DropReason> reasons) {
		Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);
		reasons.stream().filter(r -> r != DropReason.TOO_FREQUENT).forEach(r -> counts.merge(r, 1, Integer::sum));
		return counts;
	}

	private static int count(List<DropReason> reasons, DropReason reason) {
		return (int) reasons.stream().filter(r -> r == reason).count();
	}

}
