package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.qibao.location.PatrolCoverage.Coverage;

/**
 * Decides whether a closed check-in's minutes are verified automatically or go to the captain:
 * the minutes that count are those inside the shift window while checked in, and verification
 * needs complete, plausible coverage of enough of them inside the patrol area. A person may check
 * in to a shift again after checking out; each minute then counts once over all their check-ins.
 */
final class AttendancePolicy {

	/**
	 * @param countedMinutes the window's minutes (from its start) whose coverage this attendance counted,
	 *        none of them counted by an earlier check-in of the same shift
	 */
	record Verdict(int checkedInMinutes, int coveredMinutes, String reviewReason, List<Integer> countedMinutes) {

		boolean clean() {
			return this.reviewReason == null;
		}

	}

	/** What the person's earlier check-ins of the same shift already counted. */
	record Earlier(Instant checkedIn, Instant checkedOut, int checkedInMinutes, Set<Integer> countedMinutes) {
	}

	private final PatrolProperties thresholds;

	AttendancePolicy(PatrolProperties thresholds) {
		this.thresholds = thresholds;
	}

	/** The first check-in of a shift. */
	Verdict assess(Coverage coverage, Instant windowStart, Instant windowEnd, Instant checkedIn, Instant checkedOut) {
		return assess(coverage, windowStart, windowEnd, checkedIn, checkedOut, List.of());
	}

	/**
	 * @param coverage the location module's coverage, or null when it is unavailable
	 * @param earlier the person's earlier check-ins of the same shift, with what their attendance counted
	 */
	Verdict assess(Coverage coverage, Instant windowStart, Instant windowEnd, Instant checkedIn, Instant checkedOut,
			List<Earlier> earlier) {
		int checkedInMinutes = newCheckedInMinutes(windowStart, windowEnd, checkedIn, checkedOut, earlier);
		if (coverage == null) {
			return new Verdict(checkedInMinutes, 0, "NO_COVERAGE", List.of());
		}
		Set<Integer> countedBefore = new HashSet<>();
		earlier.forEach(e -> countedBefore.addAll(e.countedMinutes()));
		List<Integer> counted = coveredMinuteNumbers(coverage, windowStart, windowEnd, checkedIn, checkedOut).stream()
			.filter(m -> !countedBefore.contains(m))
			.toList();
		// a minute only partly checked in may be covered; never verify more than the whole minutes checked in
		int covered = Math.min(checkedInMinutes, counted.size());
		return new Verdict(checkedInMinutes, covered, reviewReason(coverage, checkedInMinutes, covered), counted);
	}

	/**
	 * The whole minutes of the shift window this check-in adds to the person's earlier ones: the
	 * whole minutes of all their check-ins together (overlaps counted once) less those already counted,
	 * so the attendance of all check-ins of one shift sums to the whole minutes of their union.
	 */
	static int newCheckedInMinutes(Instant windowStart, Instant windowEnd, Instant checkedIn, Instant checkedOut,
			List<Earlier> earlier) {
		List<Instant[]> spans = new ArrayList<>();
		earlier.forEach(e -> spans.add(new Instant[] { e.checkedIn(), e.checkedOut() }));
		spans.add(new Instant[] { checkedIn, checkedOut });
		int together = (int) insideWindow(spans, windowStart, windowEnd).toMinutes();
		int before = earlier.stream().mapToInt(Earlier::checkedInMinutes).sum();
		return Math.max(0, together - before);
	}

	/** How long the spans cover the window, each moment once. */
	private static Duration insideWindow(List<Instant[]> spans, Instant windowStart, Instant windowEnd) {
		List<Instant[]> clipped = spans.stream()
			.map(s -> new Instant[] { s[0].isAfter(windowStart) ? s[0] : windowStart, s[1].isBefore(windowEnd) ? s[1] : windowEnd })
			.filter(s -> s[1].isAfter(s[0]))
			.sorted(Comparator.comparing((Instant[] s) -> s[0]))
			.toList();
		Duration total = Duration.ZERO;
		Instant reached = windowStart;
		for (Instant[] span : clipped) {
			Instant from = span[0].isAfter(reached) ? span[0] : reached;
			if (span[1].isAfter(from)) {
				total = total.plus(Duration.between(from, span[1]));
				reached = span[1];
			}
		}
		return total;
	}

	private String reviewReason(Coverage coverage, int checkedInMinutes, int covered) {
		int positions = coverage.acceptedPositions();
		if (!coverage.complete()) {
			return "COVERAGE_INCOMPLETE";
		}
		if (coverage.implausiblePositions() > this.thresholds.maxImplausiblePositions()) {
			return "IMPLAUSIBLE_POSITIONS";
		}
		if (checkedInMinutes == 0) {
			return null;
		}
		if (positions == 0) {
			return "NO_POSITIONS";
		}
		if (coverage.outsidePositions() > this.thresholds.maxOutsideShare() * positions) {
			return "POSITIONS_OUTSIDE";
		}
		if (covered < this.thresholds.minCoverageShare() * checkedInMinutes) {
			return "LOW_COVERAGE";
		}
		return null;
	}

	/** The covered minutes (numbered from the window's start) that fall in the window while checked in. */
	static List<Integer> coveredMinuteNumbers(Coverage coverage, Instant windowStart, Instant windowEnd,
			Instant checkedIn, Instant checkedOut) {
		long windowMinutes = Duration.between(windowStart, windowEnd).toMinutes();
		return coverage.coveredMinutes().stream().distinct().filter(m -> {
			Instant minuteStart = windowStart.plusSeconds(60L * m);
			return m >= 0 && m < windowMinutes && minuteStart.isBefore(checkedOut)
					&& minuteStart.plusSeconds(60).isAfter(checkedIn);
		}).sorted().toList();
	}

}
