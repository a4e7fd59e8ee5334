package org.qibao.location;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the location module learns which check-ins are open, without depending on the module
 * that runs them: the patrol module provides the one implementation.
 */
public interface CheckInLookup {

	/** The check-in open for this account at this instant, if any. */
	Optional<ActiveCheckIn> openCheckIn(long accountId, Instant at);

	/** A check-in by its key, open or closed. */
	Optional<ActiveCheckIn> find(long checkInId);

	/**
	 * A check-in as the location module needs it.
	 *
	 * @param checkInId the check-in's key
	 * @param accountId the volunteer on patrol
	 * @param communityId the community whose live map shows the volunteer
	 * @param teamId the team whose shift it is
	 * @param gridIds the patrol area: the shift's grids
	 * @param windowStart the start of the shift's window
	 * @param windowEnd the end of the shift's window
	 * @param checkedInAt when the check-in began
	 * @param checkedOutAt when it ended, or null while open
	 * @param reportedBy the captain who reports for a member without a smartphone, or null
	 */
	record ActiveCheckIn(long checkInId, long accountId, long communityId, long teamId, List<Long> gridIds,
			Instant windowStart, Instant windowEnd, Instant checkedInAt, Instant checkedOutAt, Long reportedBy) {
	}

}
