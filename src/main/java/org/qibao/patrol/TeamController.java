package org.qibao.patrol;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class TeamController {

	private final Teams teams;

	private final Geography geography;

	private final Accounts accounts;

	private final Memberships memberships;

	TeamController(Teams teams, Geography geography, Accounts accounts, Memberships memberships) {
		this.teams = teams;
		this.geography = geography;
		this.accounts = accounts;
		this.memberships = memberships;
	}

	@BatchMapping(typeName = "Community")
	Map<Community, List<Team>> teams(List<Community> communities) {
		Map<Long, List<Team>> byCommunity = this.teams.ofCommunities(communities.stream().map(Community::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Team::communityId));
		return communities.stream()
			.collect(Collectors.toMap(Function.identity(), c -> byCommunity.getOrDefault(c.id(), List.of())));
	}

	@BatchMapping(typeName = "Team")
	Map<Team, Community> community(List<Team> teams) {
		Map<Long, Community> communities = this.geography.communities(teams.stream().map(Team::communityId).toList());
		Map<Team, Community> result = new HashMap<>();
		teams.forEach(t -> result.put(t, communities.get(t.communityId())));
		return result;
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<Grid>> grids(List<Team> teams) {
		Map<Long, List<Long>> gridIds = this.teams.gridIds(teams.stream().map(Team::id).toList());
		Map<Long, Grid> grids = this.geography.grids(gridIds.values().stream().flatMap(List::stream).distinct().toList());
		return teams.stream()
			.collect(Collectors.toMap(Function.identity(),
					t -> gridIds.getOrDefault(t.id(), List.of()).stream().map(grids::get).toList()));
	}

	/**
	 * Who patrols in a team is known to those who patrol or oversee it: its members and captains,
	 * the grid workers of its grids and the community's administrators. Anyone else, a resident
	 * choosing a team to join for one, sees how many they are ({@code memberCount}), not who.
	 */
	@BatchMapping(typeName = "Team")
	Map<Team, List<Account>> members(List<Team> teams, Principal principal) {
		Actor actor = Viewer.of(principal);
		Map<Long, List<Long>> memberIds = this.teams.memberIds(Batches.keys(teams, Team::id));
		Map<Long, List<Long>> gridIds = actor == null ? Map.of() : this.teams.gridIds(Batches.keys(teams, Team::id));
		List<Team> known = teams.stream()
			.filter(t -> actor != null && (memberIds.getOrDefault(t.id(), List.of()).contains(actor.accountId())
					|| actor.has(Role.CAPTAIN, t.id()) || actor.has(Role.ADMINISTRATOR, t.communityId())
					|| gridIds.getOrDefault(t.id(), List.of()).stream().anyMatch(g -> actor.has(Role.GRID_WORKER, g))))
			.toList();
		Map<Long, Account> accounts = this.accounts.findAll(
				known.stream().flatMap(t -> memberIds.getOrDefault(t.id(), List.of()).stream()).distinct().toList());
		return teams.stream()
			.collect(Collectors.toMap(Function.identity(), t -> known.contains(t)
					? memberIds.getOrDefault(t.id(), List.of()).stream().map(accounts::get).toList() : List.of()));
	}

	@BatchMapping(typeName = "Team")
	Map<Team, Integer> memberCount(List<Team> teams) {
		Map<Long, List<Long>> memberIds = this.teams.memberIds(Batches.keys(teams, Team::id));
		return teams.stream()
			.collect(Collectors.toMap(Function.identity(), t -> memberIds.getOrDefault(t.id(), List.of()).size()));
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<Account>> captains(List<Team> teams) {
		Map<Long, List<Account>> holders = this.accounts.holders(Role.CAPTAIN, Batches.keys(teams, Team::id));
		return Batches.one(teams, Team::id, holders);
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<TeamMembership>> memberships(List<Team> teams, Principal principal) {
		List<Team> captained = captained(teams, principal);
		return Batches.many(teams, Team::id, this.memberships.membershipsOf(Batches.keys(captained, Team::id)),
				TeamMembership::teamId);
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<JoinRequest>> joinRequests(List<Team> teams, Principal principal) {
		List<Team> captained = captained(teams, principal);
		return Batches.many(teams, Team::id, this.memberships.pending(Batches.keys(captained, Team::id)),
				JoinRequest::teamId);
	}

	@BatchMapping(typeName = "Team")
	Map<Team, Boolean> isMember(List<Team> teams, Principal principal) {
		Actor actor = Viewer.of(principal);
		Set<Long> mine = actor == null ? Set.of() : Set.copyOf(this.memberships.activeTeamsOf(actor.accountId()));
		return teams.stream().collect(Collectors.toMap(Function.identity(), t -> mine.contains(t.id())));
	}

	@BatchMapping(typeName = "Team")
	Map<Team, JoinRequest> myJoinRequest(List<Team> teams, Principal principal) {
		Actor actor = Viewer.of(principal);
		Map<Long, JoinRequest> mine = actor == null ? Map.of()
				: this.memberships.invitationsFor(actor.accountId())
					.stream()
					.collect(Collectors.toMap(JoinRequest::teamId, Function.identity(), (a, b) -> a));
		return Batches.one(teams, Team::id, mine);
	}

	@BatchMapping(typeName = "TeamMembership")
	Map<TeamMembership, Account> account(List<TeamMembership> memberships) {
		return Batches.one(memberships, TeamMembership::accountId,
				this.accounts.findAll(Batches.keys(memberships, TeamMembership::accountId)));
	}

	@BatchMapping(typeName = "JoinRequest", field = "team")
	Map<JoinRequest, Team> requestTeam(List<JoinRequest> requests) {
		return Batches.one(requests, JoinRequest::teamId, this.teams.findAll(Batches.keys(requests, JoinRequest::teamId)));
	}

	@BatchMapping(typeName = "JoinRequest", field = "account")
	Map<JoinRequest, Account> requestAccount(List<JoinRequest> requests) {
		return Batches.one(requests, JoinRequest::accountId,
				this.accounts.findAll(Batches.keys(requests, JoinRequest::accountId)));
	}

	private static List<Team> captained(List<Team> teams, Principal principal) {
		Actor actor = Viewer.of(principal);
		return actor == null ? List.of() : teams.stream().filter(t -> actor.has(Role.CAPTAIN, t.id())).toList();
	}

}
