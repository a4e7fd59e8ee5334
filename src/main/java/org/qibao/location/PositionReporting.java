package org.qibao.location;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.geo.Geofence;
import org.qibao.location.LivePositionStore.Previous;
import org.qibao.location.LivePositionStore.Written;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The hot path: a phone's position reports pass the filters in order, against the check-in's
 * last position (as this instance last stored it, or else as Redis holds it), the survivors are
 * placed in the patrol area, and all of a report or batch is written to Redis in one atomic step.
 * The phone is answered once Redis has taken that step. While this instance knows the check-in's
 * last position, the step is sent through Lettuce's asynchronous API and the answer completes when
 * Redis replies, so no request thread parks on Redis (that wait was most of a report's cost);
 * a check-in's first reports on this instance read the live map first, and wait.
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

	private final LocationCheckIns checkIns;

	private final LivePositionStore store;

	private final CoverageRecords records;

	private final PositionMetrics metrics;

	private final LocationProperties properties;

	private final ReportFiling filing;

	private final LastPositions lastPositions;

	/**
	 * What follows a store that did not simply succeed: off Lettuce's thread, which must never wait.
	 * Not rare: behind a load balancer without sticky sessions a phone's reports reach the instances
	 * in turn, so nearly every report finds that another instance stored the position it was filed
	 * against and is filed again here, waiting on Redis twice. Each thread mostly waits, so there
	 * are as many as it takes to keep an instance's share of a city's reports flowing.
	 */
	private static final int FOLLOW_UP_THREADS = 16;

	private final ExecutorService followUps = Executors.newFixedThreadPool(FOLLOW_UP_THREADS, runnable -> {
		Thread thread = new Thread(runnable, "qibao-position-follow-ups");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	PositionReporting(LocationCheckIns checkIns, LivePositionStore store, LastPositions lastPositions, Geofence geofence,
			CoverageRecords records, PositionMetrics metrics, LocationProperties properties, Clock clock) {
		this.checkIns = checkIns;
		this.store = store;
		this.lastPositions = lastPositions;
		this.records = records;
		this.metrics = metrics;
		this.properties = properties;
		this.filing = new ReportFiling(new PositionFilters(properties), geofence, clock);
	}

	/**
	 * What became of the reports.
	 *
	 * @param coalesced reports too soon after the last stored one, merged into it
	 * @param dropped the other reports not stored, by reason
	 * @param drops each of those, with its place in the request
	 * @param patroller the reporter's place on the live map after the reports, or null
	 */
	record Outcome(int accepted, int coalesced, Map<DropReason, Integer> dropped, List<ReportFiling.Drop> drops,
			LivePatroller patroller) {
	}

	/**
	 * Files reports for the reporter, or for a member a captain checked in. Refuses with
	 * {@code NO_OPEN_CHECK_IN}, {@code BATCH_TOO_LARGE} or {@code LIVE_MAP_UNAVAILABLE}, storing nothing.
	 * The outcome completes once Redis has the reports (or refuses when it could not take them), so
	 * a phone only forgets a report Redis holds; the request's thread does not wait for it.
	 */
	CompletableFuture<Outcome> report(long reporterId, Long forAccountId, List<PositionReport> reports) {
		if (reports.size() > this.properties.maxBatch()) {
			throw new BusinessRuleException("BATCH_TOO_LARGE", "reports", this.properties.maxBatch());
		}
		long subject = (forAccountId == null) ? reporterId : forAccountId;
		ActiveCheckIn checkIn = this.checkIns.of(subject)
			.orElseThrow(() -> new BusinessRuleException("NO_OPEN_CHECK_IN", "input"));
		if (subject != reporterId && (checkIn.reportedBy() == null || checkIn.reportedBy() != reporterId)) {
			throw new AccessDeniedException("Only the captain who checked the member in reports for them");
		}
		if (checkIn.checkedOutAt() != null) {
			return CompletableFuture.completedFuture(counted(fileLate(subject, checkIn, reports)));
		}
		LivePatroller known = this.lastPositions.of(checkIn.checkInId());
		if (known == null) {
			return CompletableFuture.completedFuture(counted(fileWaiting(subject, checkIn, reports)));
		}
		ReportFiling.Filed filed = this.filing.file(checkIn, known, reports);
		Outcome outcome = outcome(subject, checkIn, filed, known, Written.STORED);
		if (!hasSomethingToStore(filed)) {
			return CompletableFuture.completedFuture(counted(outcome));
		}
		return this.store.storeLater(filed.stored(), known)
			.handle((written, failure) -> (failure == null && written == Written.STORED)
					? CompletableFuture.completedFuture(counted(outcome))
					: settle(subject, checkIn, reports, written, failure))
			.thenCompose(settled -> settled);
	}

	/**
	 * Files the reports against the live map in Redis, waiting for it; a Redis that cannot be reached
	 * sends the check-in to captain review and refuses the reports, so that the phone keeps them.
	 */
	private Outcome fileWaiting(long subject, ActiveCheckIn checkIn, List<PositionReport> reports) {
		try {
			return fileAgainstTheLiveMap(subject, checkIn, reports);
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(checkIn.checkInId());
			throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
		}
	}

	/**
	 * Files the reports against the check-in's last position as Redis holds it, and stores them,
	 * waiting for Redis: the first reports of a check-in on this instance, and reports whose store
	 * found the live map changed. Refuses when the check-in was closed meanwhile.
	 */
	private Outcome fileAgainstTheLiveMap(long subject, ActiveCheckIn checkIn, List<PositionReport> reports) {
		Previous previous = this.store.previous(checkIn);
		if (previous.closed()) {
			return afterClose(subject, checkIn, reports);
		}
		ReportFiling.Filed filed = this.filing.file(checkIn, previous.last(), reports);
		Written written = hasSomethingToStore(filed) ? this.store.store(filed.stored()) : Written.STORED;
		return outcome(subject, checkIn, filed, previous.last(), written);
	}

	/**
	 * A store that did not simply succeed, once Redis has answered (on Lettuce's thread, so the
	 * follow-up, which may wait on Redis or PostgreSQL, runs on a thread of its own). A check-in
	 * closed meanwhile is refused; reports filed against a position another instance has since
	 * replaced are filed again against the live map; when Redis could not be reached, the check-in
	 * goes to captain review and the reports are refused, so the phone keeps them.
	 */
	private CompletableFuture<Outcome> settle(long subject, ActiveCheckIn checkIn, List<PositionReport> reports,
			Written written, Throwable failure) {
		this.lastPositions.forget(checkIn.checkInId());
		return CompletableFuture.supplyAsync(() -> {
			if (failure != null) {
				log.warn("Positions of check-in " + checkIn.checkInId() + " were not stored: Redis is unavailable");
				this.records.outage(checkIn.checkInId());
				throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
			}
			if (written == Written.CLOSED) {
				return counted(afterCloseWaiting(subject, checkIn, reports));
			}
			return counted(fileWaiting(subject, checkIn, reports));
		}, this.followUps);
	}

	private Outcome afterCloseWaiting(long subject, ActiveCheckIn checkIn, List<PositionReport> reports) {
		try {
			return afterClose(subject, checkIn, reports);
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(checkIn.checkInId());
			throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
		}
	}

	/**
	 * The live map says the check-in was closed (on another instance, which this one's copy had not
	 * heard of): the reports are filed against the account's check-in as it is now, so positions
	 * taken before the check-out still count for it, and a new check-in takes the rest.
	 */
	private Outcome afterClose(long subject, ActiveCheckIn stale, List<PositionReport> reports) {
		this.checkIns.forget(subject);
		this.lastPositions.forget(stale.checkInId());
		ActiveCheckIn now = this.checkIns.of(subject)
			.orElseThrow(() -> new BusinessRuleException("NO_OPEN_CHECK_IN", "input"));
		if (now.checkedOutAt() != null) {
			return fileLate(subject, now, reports);
		}
		if (now.checkInId() == stale.checkInId()) {
			// closed in Redis, not yet in PostgreSQL: the check-out is committing
			throw closed(subject, stale);
		}
		Previous previous = this.store.previous(now);
		if (previous.closed()) {
			throw closed(subject, now);
		}
		ReportFiling.Filed filed = this.filing.file(now, previous.last(), reports);
		Written written = hasSomethingToStore(filed) ? this.store.store(filed.stored()) : Written.STORED;
		return outcome(subject, now, filed, previous.last(), written);
	}

	/**
	 * Positions of a check-in closed within the late-report window (queued on the phone in a dead
	 * zone): those taken before the check-out go to its coverage and track, filed against the
	 * track's newest position; they never put the volunteer back on the live map.
	 */
	private Outcome fileLate(long subject, ActiveCheckIn closed, List<PositionReport> reports) {
		try {
			LivePatroller last = this.store.lastOfTrack(closed);
			ReportFiling.Filed filed = this.filing.file(closed, last, reports);
			Written written = hasSomethingToStore(filed) ? this.store.store(filed.stored()) : Written.STORED;
			return outcome(subject, closed, filed, null, written);
		}
		catch (LiveMapUnavailableException ex) {
			this.records.outage(closed.checkInId());
			throw new BusinessRuleException("LIVE_MAP_UNAVAILABLE", "input");
		}
	}

	private static boolean hasSomethingToStore(ReportFiling.Filed filed) {
		return !filed.stored().accepted().isEmpty() || filed.stored().implausible() > 0;
	}

	/**
	 * What became of the reports; the newest position stored is remembered as the one the
	 * check-in's next reports are filed against.
	 */
	private Outcome outcome(long subject, ActiveCheckIn checkIn, ReportFiling.Filed filed, LivePatroller before, Written written) {
		if (written == Written.CLOSED) {
			throw closed(subject, checkIn);
		}
		LivePatroller latest = filed.stored().latest();
		if (checkIn.checkedOutAt() != null) {
			// a late position: not on the live map
			return new Outcome(filed.stored().accepted().size(), ReportFiling.count(filed.reasons(), DropReason.TOO_FREQUENT),
					ReportFiling.dropped(filed.reasons()), drops(filed), null);
		}
		if (latest != null) {
			this.lastPositions.stored(latest);
		}
		return new Outcome(filed.stored().accepted().size(), ReportFiling.count(filed.reasons(), DropReason.TOO_FREQUENT),
				ReportFiling.dropped(filed.reasons()), drops(filed), (latest != null) ? latest : before);
	}

	private static List<ReportFiling.Drop> drops(ReportFiling.Filed filed) {
		return filed.drops().stream().filter(drop -> drop.reason() != DropReason.TOO_FREQUENT).toList();
	}

	/** Counts a report's or batch's outcome once it is stored. */
	private Outcome counted(Outcome outcome) {
		this.metrics.accepted(outcome.accepted());
		outcome.dropped().forEach(this.metrics::dropped);
		this.metrics.dropped(DropReason.TOO_FREQUENT, outcome.coalesced());
		return outcome;
	}

	/** Forgets the check-in, closed meanwhile, and says so. */
	private BusinessRuleException closed(long subject, ActiveCheckIn checkIn) {
		this.checkIns.forget(subject);
		this.lastPositions.forget(checkIn.checkInId());
		return new BusinessRuleException("NO_OPEN_CHECK_IN", "input");
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
