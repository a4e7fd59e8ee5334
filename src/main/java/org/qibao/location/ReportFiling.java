package org.qibao.location;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.qibao.geo.Geofence;
import org.qibao.location.LivePositionStore.Stored;
import org.qibao.location.PatrolSessions.ActiveCheckIn;

/**
 * Files a report or batch against a check-in's last position: each report passes the filters in
 * order (oldest first), the survivors are placed by the geofence, and what is to be stored is
 * gathered for one script run; each dropped report keeps its place in the request, so the phone
 * hears which one it was.
 */
final class ReportFiling {

	private final PositionFilters filters;

	private final Geofence geofence;

	private final Clock clock;

	ReportFiling(PositionFilters filters, Geofence geofence, Clock clock) {
		this.filters = filters;
		this.geofence = geofence;
		this.clock = clock;
	}

	/** A report not stored: its place in the request (0 for a single report) and why. */
	record Drop(int index, DropReason reason) {
	}

	record Filed(Stored stored, List<Drop> drops) {

		List<DropReason> reasons() {
			return this.drops.stream().map(Drop::reason).toList();
		}

	}

	Filed file(ActiveCheckIn checkIn, LivePatroller last, List<PositionReport> reports) {
		Instant now = this.clock.instant();
		// oldest first, each remembering its place in the request so that a dropped one can be named
		List<Integer> inOrder = new ArrayList<>(IntStream.range(0, reports.size()).boxed().toList());
		inOrder.sort(Comparator.comparing(i -> reports.get(i).recordedAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
		List<TrackPoint> accepted = new ArrayList<>();
		List<Integer> minutes = new ArrayList<>();
		List<Drop> drops = new ArrayList<>();
		LivePatroller latest = null;
		int outside = 0;
		for (int index : inOrder) {
			PositionReport report = reports.get(index);
			DropReason reason = this.filters.dropReason(report, new PositionFilter.Context(checkIn, last, now));
			if (reason != null) {
				drops.add(new Drop(index, reason));
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
		int implausible = (int) drops.stream().filter(drop -> drop.reason().implausible()).count();
		drops.sort(Comparator.comparingInt(Drop::index));
		return new Filed(new Stored(checkIn, accepted, minutes, latest, outside, implausible), drops);
	}

	/**
	 * The geofence step, by the rule check-in uses ({@link Geofence}): which grid of the patrol area
	 * the position counts as inside; outside it, which of the community's grids it lies in, if any.
	 */
	private LivePatroller placed(ActiveCheckIn checkIn, PositionReport report) {
		Long inArea = this.geofence.within(checkIn.gridIds(), report.position(), report.accuracy());
		Long gridId = (inArea != null) ? inArea : this.geofence.gridAt(checkIn.communityId(), report.position());
		return new LivePatroller(checkIn.checkInId(), checkIn.accountId(), checkIn.teamId(), checkIn.communityId(),
				checkIn.gridIds(), gridId, report.position(), report.accuracy(), report.recordedAt(), report.speed(),
				report.heading(), inArea != null, false, null);
	}

	private static void minute(ActiveCheckIn checkIn, Instant at, List<Integer> minutes) {
		long minute = Duration.between(checkIn.windowStart(), at).toMillis() / 60_000;
		long windowMinutes = Duration.between(checkIn.windowStart(), checkIn.windowEnd()).toMinutes();
		if (!at.isBefore(checkIn.windowStart()) && minute < windowMinutes) {
			minutes.add((int) minute);
		}
	}

	static Map<DropReason, Integer> dropped(List<DropReason> reasons) {
		Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);
		reasons.stream().filter(r -> r != DropReason.TOO_FREQUENT).forEach(r -> counts.merge(r, 1, Integer::sum));
		return counts;
	}

	static int count(List<DropReason> reasons, DropReason reason) {
		return (int) reasons.stream().filter(r -> r == reason).count();
	}

}
