package org.qibao.patrol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qibao.location.CheckInLookup;
import org.springframework.stereotype.Component;

/** Tells the location module which check-ins are open, with their shift window and patrol area. */
@Component
class PatrolCheckInLookup implements CheckInLookup {

	private final PatrolQueries queries;

	private final Teams teams;

	PatrolCheckInLookup(PatrolQueries queries, Teams teams) {
		this.queries = queries;
		this.teams = teams;
	}

	@Override
	public Optional<ActiveCheckIn> openCheckIn(long accountId, Instant at) {
		return this.queries.openCheckInOf(accountId).filter(c -> !c.checkedInAt().isAfter(at)).map(this::active);
	}

	@Override
	public Optional<ActiveCheckIn> find(long checkInId) {
		return Optional.ofNullable(this.queries.checkIns(List.of(checkInId)).get(checkInId)).map(this::active);
	}

	private ActiveCheckIn active(CheckIn checkIn) {
		Shift shift = this.queries.shift(checkIn.shiftId()).orElseThrow();
		long communityId = this.teams.findAll(List.of(shift.teamId())).get(shift.teamId()).communityId();
		List<Long> gridIds = this.queries.gridIdsOfShifts(List.of(shift.id())).getOrDefault(shift.id(), List.of());
		return new ActiveCheckIn(checkIn.id(), checkIn.accountId(), communityId, shift.teamId(), gridIds, shift.startsAt(),
				shift.endsAt(), checkIn.checkedInAt(), checkIn.checkedOutAt(), checkIn.reportedBy());
	}

}
