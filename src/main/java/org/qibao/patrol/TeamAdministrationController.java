package org.qibao.patrol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.PhoneNumbers;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** What a community's administrators do to its teams, captains and administrators, and what captains do to their team. */
@Controller
class TeamAdministrationController {

	private final TeamAdministration administration;

	private final TeamCaptains captains;

	private final CommunityAdministrators administrators;

	private final Teams teams;

	private final Accounts accounts;

	private final Geography geography;

	private final UserErrors userErrors;

	TeamAdministrationController(TeamAdministration administration, TeamCaptains captains,
			CommunityAdministrators administrators, Teams teams, Accounts accounts, Geography geography,
			UserErrors userErrors) {
		this.administration = administration;
		this.captains = captains;
		this.administrators = administrators;
		this.teams = teams;
		this.accounts = accounts;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@MutationMapping
	TeamPayload teamCreate(@Argument TeamCreateInput input, Actor actor, Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, communityId);
		return team(() -> this.administration.create(communityId, input.name(), keys(input.gridIds(), "Grid"),
				actor.accountId()), locale);
	}

	/** Administrators rename and regrid; the team's captains regrid only. */
	@MutationMapping
	TeamPayload teamUpdate(@Argument TeamUpdateInput input, Actor actor, Locale locale) {
		Team team = existing(input.teamId());
		Actor signedIn = Actor.signedIn(actor);
		boolean administrator = signedIn.has(Role.ADMINISTRATOR, team.communityId());
		boolean captain = signedIn.has(Role.CAPTAIN, team.id());
		if (!administrator && !(captain && input.name() == null)) {
			throw new AccessDeniedException("Not allowed");
		}
		List<Long> gridIds = input.gridIds() == null ? null : keys(input.gridIds(), "Grid");
		return team(() -> this.administration.update(team.id(), input.name(), gridIds, actor.accountId()), locale);
	}

	@MutationMapping
	TeamPayload teamCaptainAppoint(@Argument PersonInput input, Actor actor, Locale locale) {
		Team team = administered(input.teamId(), actor);
		return team(() -> this.captains.appoint(team.id(), person(input.accountId(), input.phone(), actor), actor.accountId()),
				locale);
	}

	@MutationMapping
	TeamPayload teamCaptainRemove(@Argument PersonInput input, Actor actor, Locale locale) {
		Team team = administered(input.teamId(), actor);
		long accountId = GlobalId.keyOf(input.accountId(), "Account");
		return team(() -> this.captains.remove(team.id(), accountId, actor.accountId()), locale);
	}

	@MutationMapping
	CommunityAdministratorsPayload communityAdministratorAppoint(@Argument AdministratorInput input, Actor actor,
			Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		requireAdministers(Actor.signedIn(actor), communityId);
		return community(communityId, () -> this.administrators.appoint(communityId,
				person(input.accountId(), input.phone(), actor), actor.accountId()), locale);
	}

	@MutationMapping
	CommunityAdministratorsPayload communityAdministratorRemove(@Argument AdministratorInput input, Actor actor,
			Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		requireAdministers(Actor.signedIn(actor), communityId);
		long accountId = GlobalId.keyOf(input.accountId(), "Account");
		return community(communityId, () -> this.administrators.remove(communityId, accountId, actor.accountId()),
				locale);
	}

	/** Who administers a community is for its administrators, and its city's, to see. */
	@BatchMapping(typeName = "Community")
	Map<Community, List<Account>> administrators(List<Community> communities, java.security.Principal principal) {
		java.util.Set<Long> mine = administeredBy(Viewer.of(principal), Batches.keys(communities, Community::id));
		List<Community> administered = communities.stream().filter(c -> mine.contains(c.id())).toList();
		Map<Long, List<Account>> holders = this.accounts.holders(Role.ADMINISTRATOR, Batches.keys(administered, Community::id));
		Map<Community, List<Account>> result = new java.util.HashMap<>();
		communities.forEach(c -> result.put(c, holders.getOrDefault(c.id(), List.of())));
		return result;
	}

	/**
	 * Those of these communities whose administrators the person appoints: as one of them, or as an
	 * administrator of the community's city, who appoints a new community's first administrator.
	 */
	private java.util.Set<Long> administeredBy(Actor actor, java.util.Collection<Long> communityIds) {
		if (actor == null || communityIds.isEmpty()) {
			return java.util.Set.of();
		}
		Map<Long, Long> cities = this.geography.citiesOf(communityIds);
		return communityIds.stream()
			.filter(id -> actor.has(Role.ADMINISTRATOR, id)
					|| cities.get(id) != null && actor.has(Role.CITY_ADMINISTRATOR, cities.get(id)))
			.collect(java.util.stream.Collectors.toSet());
	}

	private void requireAdministers(Actor actor, long communityId) {
		if (administeredBy(actor, List.of(communityId)).isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException("Not allowed");
		}
	}

	/** The person named by account or by phone number (one of them); phone look-ups count against the asker. */
	private long person(String accountId, String phone, Actor actor) {
		if ((phone == null) == (accountId == null)) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		if (accountId != null) {
			long id = GlobalId.keyOf(accountId, "Account");
			if (this.accounts.findAll(List.of(id)).isEmpty()) {
				throw new BusinessRuleException("ACCOUNT_NOT_FOUND", "accountId");
			}
			return id;
		}
		if (PhoneNumbers.normalise(phone).isEmpty()) {
			throw new BusinessRuleException("INVALID_PHONE", "phone");
		}
		return this.accounts.findByPhoneFor(actor.accountId(), phone, "phone")
			.orElseThrow(() -> new BusinessRuleException("ACCOUNT_NOT_FOUND", "phone"))
			.id();
	}

	private Team existing(String teamId) {
		long id = GlobalId.keyOf(teamId, "Team");
		Team team = this.teams.findAll(List.of(id)).get(id);
		if (team == null) {
			throw new AccessDeniedException("Not allowed");
		}
		return team;
	}

	private Team administered(String teamId, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		Team team = existing(teamId);
		signedIn.require(Role.ADMINISTRATOR, team.communityId());
		return team;
	}

	private static List<Long> keys(List<String> ids, String type) {
		return ids == null ? List.of() : ids.stream().map(id -> GlobalId.keyOf(id, type)).toList();
	}

	private TeamPayload team(Supplier<Team> change, Locale locale) {
		try {
			Team team = change.get();
			return new TeamPayload(this.teams.findAll(List.of(team.id())).get(team.id()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new TeamPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private CommunityAdministratorsPayload community(long communityId, Runnable change, Locale locale) {
		try {
			change.run();
			return new CommunityAdministratorsPayload(this.geography.communities(List.of(communityId)).get(communityId),
					List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CommunityAdministratorsPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record TeamCreateInput(String communityId, String name, List<String> gridIds) {
	}

	record TeamUpdateInput(String teamId, String name, List<String> gridIds) {
	}

	record PersonInput(String teamId, String accountId, String phone) {
	}

	record AdministratorInput(String communityId, String accountId, String phone) {
	}

	record TeamPayload(Team team, List<UserError> userErrors) {
	}

	record CommunityAdministratorsPayload(Community community, List<UserError> userErrors) {
	}

}
