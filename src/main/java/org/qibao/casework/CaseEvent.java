package org.qibao.casework;

import java.time.Instant;
import java.util.List;

/** One entry of a case's timeline. */
record CaseEvent(long id, long caseId, CaseEventKind kind, CaseStage stage, Long actorId, Instant at, String note,
		List<String> photoIds) {
}
