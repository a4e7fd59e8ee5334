package org.qibao.patrol;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

@Controller
class MembershipController {

	private final Memberships memberships;

	private final Teams teams;

	private final TeamDepartures departures;

	private final UserErrors userErrors;

	private final Clock clock;

	MembershipController(Memberships memberships, Teams teams, TeamDepartures departures, UserErrors userErrors,
			Clock clock) {
		this.memberships = memberships;
		this.teams = teams;
		this.departures = departures;
		this.userErrors = userErrors;
		this.clock = clock;
	}

	@QueryMapping
	List<Team> myTeams(Actor actor) {
		List<Long> ids = this.memberships.activeTeamsOf(Actor.signedIn(actor).accountId());
		var found = this.teams.findAll(ids);
		return ids.stream().map(found::get).toList();
	}

	@QueryMapping
	List<JoinRequest> myInvitations(Actor actor) {
		return this.memberships.invitationsFor(Actor.signedIn(actor).accountId())
			.stream()
			.filter(r -> "INVITATION".equals(r.kind()))
			.toList();
	}

	@MutationMapping
	JoinRequestPayload teamJoinRequest(@Argument TeamInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		long teamId = GlobalId.keyOf(input.teamId(), "Team");
		return request(() -> this.memberships.open(teamId, accountId, "REQUEST", accountId), locale);
	}

	@MutationMapping
	JoinRequestPayload teamInvite(@Argument TeamInviteInput input, Actor actor, Locale locale) {
		long teamId = GlobalId.keyOf(input.teamId(), "Team");
		Actor.signedIn(actor).require(Role.CAPTAIN, teamId);
		return request(() -> invitation(teamId, input, actor.accountId()), locale);
	}

	/** By phone number, as a captain knows their neighbours, or by account. */
	private JoinRequest invitation(long teamId, TeamInviteInput input, long captainId) {
		if ((input.phone() == null) == (input.accountId() == null)) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		if (input.phone() != null) {
			return this.memberships.invite(teamId, input.phone(), captainId);
		}
		return this.memberships.open(teamId, GlobalId.keyOf(input.accountId(), "Account"), "INVITATION", captainId);
	}

	/** A captain decides requests to their team; the invited person decides their invitation. */
	@MutationMapping
	JoinRequestPayload joinRequestDecide(@Argument JoinRequestDecideInput input, Actor actor,
			Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		JoinRequest request = this.memberships.request(GlobalId.keyOf(input.requestId(), "JoinRequest"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		boolean allowed = "REQUEST".equals(request.kind()) ? signedIn.has(Role.CAPTAIN, request.teamId())
				: request.accountId() == signedIn.accountId();
		if (!allowed) {
			throw new AccessDeniedException("Not allowed");
		}
		return request(() -> this.memberships.decide(request.id(), input.approve(), signedIn.accountId()), locale);
	}

	@MutationMapping
	TeamMembershipPayload teamLeave(@Argument TeamInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		long teamId = GlobalId.keyOf(input.teamId(), "Team");
		return membership(teamId, () -> this.departures.leave(teamId, accountId, this.clock.instant()), locale);
	}

	@MutationMapping
	TeamMembershipPayload teamMemberStatusSet(@Argument TeamMemberStatusSetInput input,
			Actor actor, Locale locale) {
		long teamId = GlobalId.keyOf(input.teamId(), "Team");
		Actor.signedIn(actor).require(Role.CAPTAIN, teamId);
		long accountId = GlobalId.keyOf(input.accountId(), "Account");
		return membership(teamId,
				() -> this.departures.setActive(teamId, accountId, "ACTIVE".equals(input.status()), actor.accountId(),
						this.clock.instant()),
				locale);
	}

	private JoinRequestPayload request(Supplier<JoinRequest> change, Locale locale) {
		try {
			return new JoinRequestPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new JoinRequestPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private TeamMembershipPayload membership(long teamId, Runnable change, Locale locale) {
		try {
			change.run();
			return new TeamMembershipPayload(this.teams.findAll(List.of(teamId)).get(teamId), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new TeamMembershipPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record TeamInput(String teamId) {
	}

	record TeamInviteInput(String teamId, String accountId, String phone) {
	}

	record JoinRequestDecideInput(String requestId, boolean approve) {
	}

	record TeamMemberStatusSetInput(String teamId, String accountId, String status) {
	}

	record JoinRequestPayload(JoinRequest joinRequest, List<UserError> userErrors) {
	}

	record TeamMembershipPayload(Team team, List<UserError> userErrors) {
	}

}
