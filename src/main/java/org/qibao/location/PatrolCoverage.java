package org.qibao.location;

import java.util.List;

/**
 * The minute coverage of a check-in: which minutes of the shift window had a plausible
 * position inside the patrol area. The patrol module reads it to verify attendance.
 */
public interface PatrolCoverage {

	/**
	 * Ends live tracking of a closed check-in: persists its coverage to PostgreSQL (so that
	 * Redis is never the only copy), drops the volunteer from the live map, and returns it.
	 * Calling it again returns the persisted coverage.
	 */
	Coverage close(long checkInId);

	/**
	 * @param coveredMinutes the minutes (counted from the shift window's start) with a plausible in-area position
	 * @param acceptedPositions positions stored for the check-in
	 * @param outsidePositions plausible positions outside the patrol area
	 * @param implausiblePositions positions dropped as implausible (speed, accuracy, time)
	 * @param complete false when Redis was unavailable during the check-in, so the coverage may be missing minutes
	 */
	record Coverage(List<Integer> coveredMinutes, int acceptedPositions, int outsidePositions,
			int implausiblePositions, boolean complete) {

		public int minutes() {
			return this.coveredMinutes.size();
		}

	}

}
