package org.qibao.audit;

import java.time.Instant;
import java.util.Map;

import org.qibao.shared.Identified;

/** One kept administrative action: who did what, when, to what, and what mattered before and after. */
record AuditEntry(long id, Instant at, long actorId, Long communityId, String action, String subjectType,
		long subjectId, Map<String, Object> before, Map<String, Object> after) implements Identified {
}
