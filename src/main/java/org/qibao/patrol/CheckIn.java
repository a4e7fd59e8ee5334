package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A volunteer's presence on a shift, from check-in to check-out. */
record CheckIn(long id, long shiftId, long accountId, Instant checkedInAt, Long reportedBy, Instant checkedOutAt,
		String closedHow, Long closedBy) implements Identified {

	boolean open() {
		return this.checkedOutAt == null;
	}

}
