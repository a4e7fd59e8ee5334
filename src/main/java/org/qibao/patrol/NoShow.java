package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A confirmed volunteer who did not check in to a shift; a captain may clear it with a reason. */
record NoShow(long id, long shiftId, long accountId, Instant recordedAt, Instant clearedAt, Long clearedBy,
		String clearReason) implements Identified {
}
