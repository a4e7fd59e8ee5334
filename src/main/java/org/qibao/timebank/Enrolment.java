package org.qibao.timebank;

import java.time.Instant;

/** A person's seat in a course, paid by a transfer and refunded by its reversal when cancelled. */
record Enrolment(long id, long courseId, long accountId, long transferId, Instant enrolledAt, Instant cancelledAt,
		boolean cancellable) {
}
