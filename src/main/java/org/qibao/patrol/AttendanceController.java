package org.qibao.patrol;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** Attendance history, the captain's review queue, and no-shows. */
@Controller
class AttendanceController {

	private final Attendances attendances;

	private final NoShows noShows;

	private final PatrolQueries queries;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final Clock clock;

	AttendanceController(Attendances attendances, NoShows noShows, PatrolQueries queries, Accounts accounts,
			UserErrors userErrors, Clock clock) {
		this.attendances = attendances;
		this.noShows = noShows;
		this.queries = queries;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.clock = clock;
	}

	@QueryMapping
	Connection<Attendance> myAttendance(@Argument Integer first, @Argument String after,
			Actor actor) {
		long accountId = Actor.signedIn(actor).accountId();
		Connection.Page page = Connection.Page.of(first, after);
		return Connection.of(this.queries.attendanceOf(accountId, page.offset(), page.limit()), page,
				this.queries.attendanceCount(accountId));
	}

	@QueryMapping
	List<Attendance> reviewQueue(Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		return this.queries.inReview(signedIn.scopes(Role.CAPTAIN), signedIn.scopes(Role.ADMINISTRATOR));
	}

	@SchemaMapping(typeName = "Attendance")
	boolean viewerCanReview(Attendance attendance, Actor actor) {
		return actor != null && ReviewPolicy.mayDecide(actor, attendance);
	}

	@QueryMapping
	List<NoShow> noShows(Actor actor) {
		return this.queries.noShowsOfTeams(Actor.signedIn(actor).scopes(Role.CAPTAIN),
				this.clock.instant().minus(Duration.ofDays(30)));
	}

	@MutationMapping
	AttendancePayload attendanceApprove(@Argument ApproveInput input, Actor actor,
			Locale locale) {
		Attendance attendance = reviewersAttendance(input.attendanceId(), actor);
		return attempt(() -> this.attendances.approve(attendance.id(), input.minutes(), actor.accountId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	AttendancePayload attendanceReject(@Argument RejectInput input, Actor actor,
			Locale locale) {
		Attendance attendance = reviewersAttendance(input.attendanceId(), actor);
		return attempt(() -> this.attendances.reject(attendance.id(), input.reason(), actor.accountId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	NoShowPayload noShowClear(@Argument NoShowClearInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		NoShow noShow = this.noShows.find(GlobalId.keyOf(input.noShowId(), "NoShow"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		signedIn.require(Role.CAPTAIN, this.queries.shift(noShow.shiftId()).orElseThrow().teamId());
		try {
			return new NoShowPayload(this.noShows.clear(noShow.id(), input.reason(), signedIn.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new NoShowPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "Attendance", field = "checkIn")
	Map<Attendance, CheckIn> attendanceCheckIn(List<Attendance> attendances) {
		return Batches.one(attendances, Attendance::checkInId,
				this.queries.checkIns(Batches.keys(attendances, Attendance::checkInId)));
	}

	@BatchMapping(typeName = "Attendance", field = "shift")
	Map<Attendance, Shift> attendanceShift(List<Attendance> attendances) {
		return Batches.one(attendances, Attendance::shiftId, this.queries.shifts(Batches.keys(attendances, Attendance::shiftId)));
	}

	@BatchMapping(typeName = "Attendance", field = "volunteer")
	Map<Attendance, Account> attendanceVolunteer(List<Attendance> attendances) {
		return Batches.one(attendances, Attendance::accountId,
				this.accounts.findAll(Batches.keys(attendances, Attendance::accountId)));
	}

	@BatchMapping(typeName = "Attendance", field = "decidedBy")
	Map<Attendance, Account> attendanceDecidedBy(List<Attendance> attendances) {
		return Batches.one(attendances, Attendance::decidedBy,
				this.accounts.findAll(Batches.keys(attendances, Attendance::decidedBy)));
	}

	@BatchMapping(typeName = "NoShow", field = "shift")
	Map<NoShow, Shift> noShowShift(List<NoShow> noShows) {
		return Batches.one(noShows, NoShow::shiftId, this.queries.shifts(Batches.keys(noShows, NoShow::shiftId)));
	}

	@BatchMapping(typeName = "NoShow", field = "volunteer")
	Map<NoShow, Account> noShowVolunteer(List<NoShow> noShows) {
		return Batches.one(noShows, NoShow::accountId, this.accounts.findAll(Batches.keys(noShows, NoShow::accountId)));
	}

	/** The attendance, when the actor captains its team or administers its community; otherwise forbidden. */
	private Attendance reviewersAttendance(String attendanceId, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(attendanceId, "Attendance");
		Attendance attendance = this.queries.attendances(List.of(id)).get(id);
		if (attendance == null || !ReviewPolicy.hasAuthority(signedIn, attendance)) {
			throw new AccessDeniedException("Not allowed");
		}
		return attendance;
	}

	private AttendancePayload attempt(Supplier<Attendance> change, Locale locale) {
		try {
			return new AttendancePayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AttendancePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record ApproveInput(String attendanceId, int minutes) {
	}

	record RejectInput(String attendanceId, String reason) {
	}

	record NoShowClearInput(String noShowId, String reason) {
	}

	record AttendancePayload(Attendance attendance, List<UserError> userErrors) {
	}

	record NoShowPayload(NoShow noShow, List<UserError> userErrors) {
	}

}
