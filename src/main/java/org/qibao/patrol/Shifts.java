package org.qibao.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patrol module's API for planning shifts from outside it (the demo). */
@Service
public class Shifts {

	private final ShiftPlanning planning;

	private final Signups signups;

	private final PatrolQueries queries;

	private final Clock clock;

	Shifts(ShiftPlanning planning, Signups signups, PatrolQueries queries, Clock clock) {
		this.planning = planning;
		this.signups = signups;
		this.queries = queries;
		this.clock = clock;
	}

	/** Whether the team has any active recurring schedule. */
	public boolean hasSchedules(long teamId) {
		return !this.queries.schedulesOfTeams(List.of(teamId)).isEmpty();
	}

	/** Schedules the team every day from start to end (community time) and generates the shifts ahead. */
	@Transactional
	public long scheduleDaily(long teamId, List<Long> gridIds, LocalTime start, LocalTime end, int min, int max,
			long createdBy) {
		return this.planning.createSchedule(teamId, gridIds, List.of(1, 2, 3, 4, 5, 6, 7), start.toString(),
				end.toString(), min, max, createdBy, this.clock.instant()).id();
	}

	/** The keys of the team's next shifts that have not started. */
	public List<Long> upcoming(long teamId, int count) {
		Instant now = this.clock.instant();
		return this.queries.shiftsOfTeams(List.of(teamId), now, now.plus(java.time.Duration.ofDays(30)))
			.stream()
			.filter(s -> s.startsAt().isAfter(now))
			.limit(count)
			.map(Shift::id)
			.toList();
	}

	/** Signs a member up (or waitlists them when the shift is full). */
	@Transactional
	public void signUp(long shiftId, long accountId) {
		this.signups.signUp(shiftId, accountId, true, this.clock.instant());
	}

}
