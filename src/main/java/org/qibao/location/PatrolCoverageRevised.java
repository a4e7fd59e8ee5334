package org.qibao.location;

import org.qibao.location.PatrolCoverage.Coverage;

/**
 * A closed check-in's coverage grew after its check-out, from positions the phone took before it
 * and sent late (queued in a dead zone), and is now final. Published once per check-in, when the
 * late-report window has passed, in the transaction that records the final coverage.
 *
 * @param checkInId the check-in
 * @param coverage its final coverage
 */
public record PatrolCoverageRevised(long checkInId, Coverage coverage) {
}
