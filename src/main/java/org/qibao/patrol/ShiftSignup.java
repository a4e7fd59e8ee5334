package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A volunteer's place on a shift: confirmed, waitlisted (in order of signing up) or cancelled. */
record ShiftSignup(long id, long shiftId, long accountId, String status, Instant signedUpAt, Instant cancelledAt)
		implements Identified {
}
