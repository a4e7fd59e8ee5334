package org.qibao.casework;

import java.time.Instant;

/** A message to a reporter that their case moved on. */
record CaseNotification(long id, long caseId, CaseEventKind kind, CaseStage stage, Instant at) {
}
