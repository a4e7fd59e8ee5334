package org.qibao.casework;

import java.time.Instant;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Identified;

/** A case in the grid case pipeline, as its row stands. */
record Case(long id, long communityId, long categoryId, Long gridId, long reporterId, String reportKey,
		String description, GeoPoint position, boolean anonymous, Instant reportedAt, CaseStage stage, int version,
		Instant acceptDueAt, Instant resolveDueAt, Instant acceptedAt, Instant resolvedAt, Instant closedAt,
		Long handlerAccountId, Long handlerDepartmentId, String rejection, Long duplicateOfId, String rejectionReason,
		Integer satisfaction, int reopenCount, Instant escalatedAt) implements Identified {

	/** The deadline of the stage the case is in: to accept, then to resolve; none once resolved or final. */
	Instant dueAt() {
		if (this.stage == CaseStage.REPORTED) {
			return this.acceptDueAt;
		}
		return CaseStage.RESOLVING.contains(this.stage) ? this.resolveDueAt : null;
	}

	boolean overdue(Instant now) {
		Instant due = dueAt();
		return due != null && now.isAfter(due);
	}

	boolean handledBy(long accountId) {
		return this.handlerAccountId != null && this.handlerAccountId == accountId;
	}

}
