package org.qibao.casework;

import java.time.Instant;

/**
 * A reported case was verified (核查) by a grid worker: the report was true and the problem is
 * fixed. Recognition for reporting is earned here and never at submission, so false reports earn
 * nothing. Published at most once per case, even when a case is reopened and verified again.
 *
 * @param caseId the case; the idempotency key of any reward
 * @param reporterAccountId the volunteer or grid worker who reported it
 * @param communityId the community the case belongs to
 * @param gridId the grid the report's position lies in, or null when it lies outside every grid
 * @param verifiedAt when the grid worker verified it
 */
public record CaseReportVerified(long caseId, long reporterAccountId, long communityId, Long gridId,
		Instant verifiedAt) {
}
