package org.qibao.patrol;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Check-in and check-out on the spot, for oneself or, by a captain, for a member; checkpoint scans. */
@Controller
class CheckInController {

	private final CheckIns checkIns;

	private final PatrolQueries queries;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final Clock clock;

	CheckInController(CheckIns checkIns, PatrolQueries queries, Accounts accounts, UserErrors userErrors, Clock clock) {
		this.checkIns = checkIns;
		this.queries = queries;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.clock = clock;
	}

	@QueryMapping
	CheckIn myOpenCheckIn(Actor actor) {
		return this.queries.openCheckInOf(Actor.signedIn(actor).accountId()).orElse(null);
	}

	@MutationMapping
	CheckInPayload shiftCheckIn(@Argument CheckInInput input, Actor actor, Locale locale) {
		Party party = party(input, actor);
		return attempt(() -> this.checkIns.checkIn(party.shiftId(), party.volunteerId(), input.fix(), party.captainId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	CheckInPayload shiftCheckOut(@Argument CheckInInput input, Actor actor, Locale locale) {
		Party party = party(input, actor);
		return attempt(() -> this.checkIns.checkOut(party.shiftId(), party.volunteerId(), input.fix(), party.captainId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	ScanPayload checkpointScan(@Argument ScanInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		try {
			return new ScanPayload(this.checkIns.scan(input.code(), accountId, input.fix(), this.clock.instant()),
					List.of());
		}
		catch (BusinessRuleException refusal) {
			return new ScanPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "CheckIn", field = "shift")
	Map<CheckIn, Shift> checkInShift(List<CheckIn> checkIns) {
		return Batches.one(checkIns, CheckIn::shiftId, this.queries.shifts(Batches.keys(checkIns, CheckIn::shiftId)));
	}

	@BatchMapping(typeName = "CheckIn", field = "volunteer")
	Map<CheckIn, Account> checkInVolunteer(List<CheckIn> checkIns) {
		return Batches.one(checkIns, CheckIn::accountId, this.accounts.findAll(Batches.keys(checkIns, CheckIn::accountId)));
	}

	@BatchMapping(typeName = "CheckIn")
	Map<CheckIn, Account> reportedBy(List<CheckIn> checkIns) {
		return Batches.one(checkIns, CheckIn::reportedBy, this.accounts.findAll(Batches.keys(checkIns, CheckIn::reportedBy)));
	}

	@BatchMapping(typeName = "CheckIn")
	Map<CheckIn, List<String>> visitedCheckpoints(List<CheckIn> checkIns) {
		Map<Long, List<Long>> visits = this.queries.visitedCheckpoints(Batches.keys(checkIns, CheckIn::id));
		Map<Long, Checkpoint> checkpoints = this.queries
			.checkpoints(visits.values().stream().flatMap(List::stream).distinct().toList());
		Map<CheckIn, List<String>> result = new java.util.LinkedHashMap<>();
		checkIns.forEach(c -> result.put(c,
				visits.getOrDefault(c.id(), List.of()).stream().map(id -> checkpoints.get(id).name()).toList()));
		return result;
	}

	@BatchMapping(typeName = "CheckIn")
	Map<CheckIn, Attendance> attendance(List<CheckIn> checkIns) {
		return Batches.one(checkIns, CheckIn::id, this.queries.attendancesOfCheckIns(Batches.keys(checkIns, CheckIn::id)));
	}

	/** Who checks whom in: oneself, or a member when the actor captains the shift's team. */
	private Party party(CheckInInput input, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		long shiftId = GlobalId.keyOf(input.shiftId(), "Shift");
		if (input.forAccountId() == null || GlobalId.keyOf(input.forAccountId(), "Account") == signedIn.accountId()) {
			return new Party(shiftId, signedIn.accountId(), null);
		}
		Shift shift = ShiftController.captainsShift(input.shiftId(), signedIn, this.queries);
		signedIn.require(Role.CAPTAIN, shift.teamId());
		return new Party(shiftId, GlobalId.keyOf(input.forAccountId(), "Account"), signedIn.accountId());
	}

	private CheckInPayload attempt(Supplier<CheckIn> change, Locale locale) {
		try {
			return new CheckInPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CheckInPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private record Party(long shiftId, long volunteerId, Long captainId) {
	}

	record CheckInInput(String shiftId, GeoPoint position, Double accuracy, String forAccountId) {

		CheckIns.Fix fix() {
			return new CheckIns.Fix(this.position, this.accuracy);
		}

	}

	record ScanInput(String code, GeoPoint position, Double accuracy) {

		CheckIns.Fix fix() {
			return new CheckIns.Fix(this.position, this.accuracy);
		}

	}

	record CheckInPayload(CheckIn checkIn, List<UserError> userErrors) {
	}

	record ScanPayload(Checkpoint checkpoint, List<UserError> userErrors) {
	}

}
