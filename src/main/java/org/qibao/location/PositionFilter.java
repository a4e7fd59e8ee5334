package org.qibao.location;

import java.time.Instant;

import org.qibao.location.PatrolSessions.ActiveCheckIn;

/**
 * One small, named step of the position pipeline (after traccar's filter handler): it either
 * lets a report through or names the reason it drops it.
 */
@FunctionalInterface
interface PositionFilter {

	/** Why this filter drops the report, or null when it lets it through. */
	DropReason dropReason(PositionReport report, Context context);

	/**
	 * What a filter may look at besides the report.
	 *
	 * @param checkIn the open check-in the report belongs to
	 * @param last the last position stored for the check-in, or null for its first
	 * @param now the server's clock
	 */
	record Context(ActiveCheckIn checkIn, LivePatroller last, Instant now) {
	}

}
