package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;

import org.qibao.location.PatrolCoverage.Coverage;

/**
 * Decides whether a closed check-in's minutes are verified automatically or go to the captain:
 * the minutes that count are those inside the shift window while checked in, and verification
 * needs complete, plausible coverage of enough of them inside the patrol area.
 */
final class AttendancePolicy {

	record Verdict(int checkedInMinutes, int coveredMinutes, String reviewReason) {

		boolean clean() {
			return this.reviewReason == null;
		}

	}

	private final PatrolProperties thresholds;

	AttendancePolicy(PatrolProperties thresholds) {
		this.thresholds = thresholds;
	}

	/** @param coverage the location module's coverage, or null when it is unavailable */
	Verdict assess(Coverage coverage, Instant windowStart, Instant windowEnd, Instant checkedIn, Instant checkedOut) {
		int checkedInMinutes = checkedInMinutes(windowStart, windowEnd, checkedIn, checkedOut);
		if (coverage == null) {
			return new Verdict(checkedInMinutes, 0, "NO_COVERAGE");
		}
		// a minute only partly checked in may be covered; never verify more than the whole minutes checked in
		int covered = Math.min(checkedInMinutes, coveredMinutes(coverage, windowStart, windowEnd, checkedIn, checkedOut));
		return new Verdict(checkedInMinutes, covered, reviewReason(coverage, checkedInMinutes, covered));
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

	/** Whole minutes of the shift window between check-in and check-out. */
	static int checkedInMinutes(Instant windowStart, Instant windowEnd, Instant checkedIn, Instant checkedOut) {
		Instant from = checkedIn.isAfter(windowStart) ? checkedIn : windowStart;
		Instant to = checkedOut.isBefore(windowEnd) ? checkedOut : windowEnd;
		return to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
	}

	/** The covered minutes (numbered from the window's start) that fall in the window while checked in. */
	static int coveredMinutes(Coverage coverage, Instant windowStart, Instant windowEnd, Instant checkedIn,
			Instant checkedOut) {
		long windowMinutes = Duration.between(windowStart, windowEnd).toMinutes();
		return (int) coverage.coveredMinutes().stream().distinct().filter(m -> {
			Instant minuteStart = windowStart.plusSeconds(60L * m);
			return m >= 0 && m < windowMinutes && minuteStart.isBefore(checkedOut)
					&& minuteStart.plusSeconds(60).isAfter(checkedIn);
		}).count();
	}

}
