package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.qibao.shared.GeoPoint;
import org.springframework.context.ApplicationContext;

/**
 * Real check-ins for the bench phones, through the patrol module's own services (team membership,
 * shifts, sign-ups, on-the-spot check-in, which hands each check-in to the location module), at
 * an instant shortly after the shifts began: the services take the time as an argument, and the
 * phones' clocks then run from there. A shift takes at most 100 patrollers, so there is one shift
 * per hundred phones. In the patrol package (on the bench's class path only) to reach its services.
 */
public final class BenchPatrols {

	private static final int PER_SHIFT = 100;

	private BenchPatrols() {
	}

	/**
	 * Checks every phone in to a shift of the team in its grids that began {@code windowStart} and
	 * ends {@code windowEnd}, at {@code checkedInAt}; returns the number checked in.
	 */
	public static int checkInEveryone(ApplicationContext context, long teamId, List<Long> gridIds,
			List<Long> accountIds, Instant windowStart, Instant windowEnd, Instant checkedInAt, GeoPoint where) {
		Teams teams = context.getBean(Teams.class);
		ShiftPlanning planning = context.getBean(ShiftPlanning.class);
		Signups signups = context.getBean(Signups.class);
		CheckIns checkIns = context.getBean(CheckIns.class);
		accountIds.parallelStream().forEach(id -> teams.addMember(teamId, id));
		List<Shift> shifts = new ArrayList<>();
		Instant planned = windowStart.minus(Duration.ofHours(1));
		// the shifts' audit names who planned them: the first bench phone, a member of the team
		long plannedBy = accountIds.get(0);
		for (int i = 0; i < accountIds.size(); i += PER_SHIFT) {
			shifts.add(planning.createShift(teamId, gridIds, windowStart, windowEnd, 1, PER_SHIFT, List.of(), plannedBy,
					planned));
		}
		AtomicInteger checkedIn = new AtomicInteger();
		IntStream.range(0, accountIds.size()).parallel().forEach(i -> {
			long accountId = accountIds.get(i);
			long shiftId = shifts.get(i / PER_SHIFT).id();
			signups.signUp(shiftId, accountId, false, planned);
			checkIns.checkIn(shiftId, accountId, new CheckIns.Fix(where, 10.0), null, checkedInAt);
			checkedIn.incrementAndGet();
		});
		return checkedIn.get();
	}

}
