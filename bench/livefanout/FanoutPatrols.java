package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.qibao.shared.GeoPoint;
import org.springframework.context.ApplicationContext;

/**
 * Real check-ins for the live fan-out benchmark's phones, through the patrol module's own
 * services: a team patrolling one grid, its shifts (at most 100 patrollers each) starting a few
 * minutes ago and planned by the team's captain now, membership, sign-up and an on-the-spot
 * check-in at the grid's centre, which hands each check-in to the location module as in the field.
 * In the patrol package (on the benchmark's class path only) to reach its services.
 */
public final class FanoutPatrols {

	private static final int PER_SHIFT = 100;

	private FanoutPatrols() {
	}

	/** Forms the team of one grid; returns its id. */
	public static long team(ApplicationContext context, long communityId, String name, long gridId) {
		return context.getBean(Teams.class).create(communityId, name, List.of(gridId)).id();
	}

	/**
	 * Checks the phones in to shifts of the team in its grid, now; the shifts are created by
	 * {@code captainId} before anyone joins, so nobody is told of them. Returns how many checked in.
	 */
	public static int checkIn(ApplicationContext context, long teamId, long gridId, long captainId,
			List<Long> accountIds, GeoPoint where) {
		Teams teams = context.getBean(Teams.class);
		ShiftPlanning planning = context.getBean(ShiftPlanning.class);
		Signups signups = context.getBean(Signups.class);
		CheckIns checkIns = context.getBean(CheckIns.class);
		Instant planned = Instant.now();
		Instant start = planned.minus(Duration.ofMinutes(5));
		Instant end = planned.plus(Duration.ofHours(8));
		List<Long> shifts = new ArrayList<>();
		for (int i = 0; i < accountIds.size(); i += PER_SHIFT) {
			shifts.add(planning.createShift(teamId, List.of(gridId), start, end, 1, PER_SHIFT, List.of(), captainId,
					planned).id());
		}
		accountIds.forEach(id -> teams.addMember(teamId, id));
		IntStream.range(0, accountIds.size()).forEach(i -> {
			long accountId = accountIds.get(i);
			long shiftId = shifts.get(i / PER_SHIFT);
			signups.signUp(shiftId, accountId, false, Instant.now());
			checkIns.checkIn(shiftId, accountId, new CheckIns.Fix(where, 10.0), null, Instant.now());
		});
		return accountIds.size();
	}

}
