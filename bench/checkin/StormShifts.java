package org.qibao.patrol;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * The check-in storm's shifts, made through the patrol module's own services: a shift of a team in
 * its grid, and a volunteer's sign-up for it, as a captain and the volunteer make them. In the
 * patrol package (on the bench's class path only) to reach its services.
 */
public final class StormShifts {

	private StormShifts() {
	}

	/** A shift of the team in the grid for {@code seats} patrollers, planned by {@code captain} at {@code plannedAt}; its ID. */
	public static long create(ApplicationContext context, long teamId, long gridId, Instant startsAt, Instant endsAt,
			int seats, long captain, Instant plannedAt) {
		return context.getBean(ShiftPlanning.class)
			.createShift(teamId, List.of(gridId), startsAt, endsAt, 1, seats, List.of(), captain, plannedAt)
			.id();
	}

	/** Signs the volunteer up for the shift; refused as a volunteer would be. */
	public static void signUp(ApplicationContext context, long shiftId, long accountId, Instant now) {
		context.getBean(Signups.class).signUp(shiftId, accountId, false, now);
	}

}
