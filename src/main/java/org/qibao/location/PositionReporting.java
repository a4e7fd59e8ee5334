package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.location.CheckInLookup.ActiveCheckIn;
import org.qibao.location.LivePositionStore.Previous;
import org.qibao.location.LivePositionStore.Stored;
import org.qibao.location.LivePositionStore.Written;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The hot path: a phone's position reports pass the filters in order, against the check-in's
 * last position (as this instance last stored it, or else as Redis holds it), the survivors are
 * placed in the patrol area, and all of a report or batch is written to Redis in one atomic step.
 * A check-in's first reports on this instance wait for that step; after that, while this instance
 * knows the check-in's last position, the phone is answered as soon as its reports are filed and
 * the step runs without the request waiting for it (see {@link #settleLater} for what follows).
 * That wait was most of a report's cost: the thread parked on Redis and woken again.
 */
@Service
class PositionReporting implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(PositionReporting.class);

	/**
	 * The phase in which reporting stops: after the web server has stopped taking reports, before
	 * the Redis connection (phase 0) closes.
	 */
	private static final int STOPS_BEFORE_REDIS = 100;

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

	private final OpenCheckIns checkIns;

	private final LivePositionStore store;

	private final PatrolArea area;

	private final CoverageRecords records;

	private final PositionMetrics metrics;

	private final LocationProperties properties;

	private final PositionFilters filters;

	private final LastPositions lastPositions;

	/** What follows a store sent without waiting that did not simply succeed; rare, so one thread. */
	private final ExecutorService followUps = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "qibao-position-follow-ups");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

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
	 * The outcome is the filters'; the reports are stored, or being stored, when it is returned.
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
		LivePatroller known = this.lastPositions.of(checkIn.checkInId());
		if (known != null) {
			Filed filed = file(checkIn, known, reports);
			Outcome outcome = outcome(subject, checkIn, filed, known, Written.STORED);
			count(outcome);
			if (hasSomethingToStore(filed)) {
				this.store.storeLater(filed.stored(), known)
					.whenComplete((written, failure) -> settleLater(subject, checkIn, reports, written, failure));
			}
			return outcome;
		}
		try {
			Outcome outcome = fileAgainstTheLiveMap(subject, checkIn, reports);
			count(outcome);
			return outcome;
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(checkIn.checkInId());
			throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
		}
	}

	/**
	 * Files the reports against the check-in's last position as Redis holds it, and stores them,
	 * waiting for Redis: the first reports of a check-in on this instance, and reports whose store
	 * without waiting found the live map changed. Refuses when the check-in was closed meanwhile.
	 */
	private Outcome fileAgainstTheLiveMap(long subject, ActiveCheckIn checkIn, List<PositionReport> reports) {
		Previous previous = this.store.previous(checkIn);
		if (previous.closed()) {
			throw closed(subject, checkIn);
		}
		Filed filed = file(checkIn, previous.last(), reports);
		Written written = hasSomethingToStore(filed) ? this.store.store(filed.stored()) : Written.STORED;
		return outcome(subject, checkIn, filed, previous.last(), written);
	}

	/**
	 * What follows a store sent without waiting, once Redis has answered (on Lettuce's thread, so
	 * anything but success is handed to the follow-up thread): the phone was already told its
	 * reports were taken. A check-in closed meanwhile is forgotten, and nothing was stored; reports
	 * filed against a position another instance has since replaced are filed again against the
	 * live map; when Redis could not be reached, the check-in goes to captain review, and the phone's
	 * next report waits for Redis, so that it hears the live map is unavailable and keeps its
	 * reports until it is back.
	 */
	private void settleLater(long subject, ActiveCheckIn checkIn, List<PositionReport> reports, Written written,
			Throwable failure) {
		if (failure == null && written == Written.STORED) {
			return;
		}
		this.lastPositions.forget(checkIn.checkInId());
		this.followUps.execute(() -> {
			try {
				if (failure != null) {
					log.warn("Positions of check-in " + checkIn.checkInId() + " were not stored: Redis is unavailable");
					this.records.outage(checkIn.checkInId());
				}
				else if (written == Written.CLOSED) {
					closed(subject, checkIn);
				}
				else {
					fileAgainstTheLiveMap(subject, checkIn, reports);
				}
			}
			catch (LiveMapUnavailableException ex) {
				this.records.outage(checkIn.checkInId());
			}
			catch (BusinessRuleException ex) {
				// closed meanwhile: nothing of it is stored, as it must not be
			}
			catch (RuntimeException ex) {
				log.warn("Positions of check-in " + checkIn.checkInId() + " could not be filed again", ex);
			}
		});
	}

	private static boolean hasSomethingToStore(Filed filed) {
		return !filed.stored().accepted().isEmpty() || filed.stored().implausible() > 0;
	}

	/**
	 * What became of the reports; the newest position stored is remembered as the one the
	 * check-in's next reports are filed against.
	 */
	private Outcome outcome(long subject, ActiveCheckIn checkIn, Filed filed, LivePatroller before, Written written) {
		if (written == Written.CLOSED) {
			throw closed(subject, checkIn);
		}
		LivePatroller latest = filed.stored().latest();
		if (latest != null) {
			this.lastPositions.stored(latest);
		}
		return new Outcome(filed.stored().accepted().size(), count(filed.reasons(), DropReason.TOO_FREQUENT),
				dropped(filed.reasons()), (latest != null) ? latest : before);
	}

	/**
	 * Counts a report's or batch's outcome as it was first filed (reports filed again after a store
	 * without waiting found the live map changed are not counted twice).
	 */
	private void count(Outcome outcome) {
		this.metrics.accepted(outcome.accepted());
		outcome.dropped().forEach(this.metrics::dropped);
		this.metrics.dropped(DropReason.TOO_FREQUENT, outcome.coalesced());
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

	@Override
	public void start() {
		this.running = true;
	}

	/** Waits for the reports already taken to reach Redis, and for their follow-ups. */
	@Override
	public void stop() {
		try {
			this.store.awaitWritesSent(SHUTDOWN_WAIT);
			this.followUps.shutdown();
			this.followUps.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return STOPS_BEFORE_REDIS;
	}

}
