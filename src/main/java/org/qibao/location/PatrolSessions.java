package org.qibao.location;

import java.time.Instant;
import java.util.List;

/**
 * How the patrol module hands the location module what a phone's position reports need, when a
 * check-in opens and when it closes, inside its own transaction. The seam runs one way: the
 * location module keeps its own copy (PostgreSQL, so that a Redis outage cannot break a check-in,
 * and an in-process cache) and never asks the patrol module back.
 */
public interface PatrolSessions {

	/** A check-in has opened (called in the transaction that opens it). */
	void opened(ActiveCheckIn checkIn);

	/** A check-in has closed at this instant (called in the transaction that closes it, before its coverage is read). */
	void closed(long checkInId, Instant checkedOutAt);

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

		public ActiveCheckIn {
			gridIds = List.copyOf(gridIds);
		}

		ActiveCheckIn closedAt(Instant at) {
			return new ActiveCheckIn(this.checkInId, this.accountId, this.communityId, this.teamId, this.gridIds,
					this.windowStart, this.windowEnd, this.checkedInAt, at, this.reportedBy);
		}

	}

}
