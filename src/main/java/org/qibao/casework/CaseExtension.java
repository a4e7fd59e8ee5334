package org.qibao.casework;

import java.time.Instant;

/** A handler's request for more time, and the administrator's decision (null while pending). */
record CaseExtension(long id, long caseId, long requestedBy, Instant requestedUntil, String reason,
		Instant requestedAt, Boolean granted, Instant decidedAt) {
}
