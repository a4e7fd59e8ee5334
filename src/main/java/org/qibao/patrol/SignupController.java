package org.qibao.patrol;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Volunteers signing up for shifts and cancelling. */
@Controller
class SignupController {

	private final Signups signups;

	private final PatrolQueries queries;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final Clock clock;

	SignupController(Signups signups, PatrolQueries queries, Accounts accounts, UserErrors userErrors, Clock clock) {
		this.signups = signups;
		this.queries = queries;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.clock = clock;
	}

	@QueryMapping
	List<ShiftSignup> myShifts(Actor actor) {
		return this.queries.upcomingSignupsOf(Actor.signedIn(actor).accountId(), this.clock.instant());
	}

	@MutationMapping
	SignupPayload shiftSignUp(@Argument SignUpInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		long shiftId = GlobalId.keyOf(input.shiftId(), "Shift");
		boolean waitlist = input.joinWaitlist() == null || input.joinWaitlist();
		return attempt(() -> this.signups.signUp(shiftId, accountId, waitlist, this.clock.instant()), locale);
	}

	@MutationMapping
	SignupPayload shiftSignupCancel(@Argument CancelInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		long shiftId = GlobalId.keyOf(input.shiftId(), "Shift");
		return attempt(() -> this.signups.cancel(shiftId, accountId, this.clock.instant()), locale);
	}

	@BatchMapping(typeName = "ShiftSignup", field = "shift")
	Map<ShiftSignup, Shift> signupShift(List<ShiftSignup> signups) {
		return Batches.one(signups, ShiftSignup::shiftId, this.queries.shifts(Batches.keys(signups, ShiftSignup::shiftId)));
	}

	@BatchMapping(typeName = "ShiftSignup", field = "volunteer")
	Map<ShiftSignup, Account> signupVolunteer(List<ShiftSignup> signups) {
		return Batches.one(signups, ShiftSignup::accountId,
				this.accounts.findAll(Batches.keys(signups, ShiftSignup::accountId)));
	}

	@BatchMapping(typeName = "ShiftSignup", field = "checkIn")
	Map<ShiftSignup, CheckIn> signupCheckIn(List<ShiftSignup> signups) {
		Map<String, CheckIn> checkIns = this.queries.checkInsOfSignups(signups);
		Map<ShiftSignup, CheckIn> result = new java.util.LinkedHashMap<>();
		signups.forEach(s -> result.put(s, checkIns.get(s.shiftId() + ":" + s.accountId())));
		return result;
	}

	private SignupPayload attempt(Supplier<ShiftSignup> change, Locale locale) {
		try {
			return new SignupPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new SignupPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record SignUpInput(String shiftId, Boolean joinWaitlist) {
	}

	record CancelInput(String shiftId) {
	}

	record SignupPayload(ShiftSignup signup, List<UserError> userErrors) {
	}

}
