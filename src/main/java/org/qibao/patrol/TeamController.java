package org.qibao.patrol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class TeamController {

	private final Teams teams;

	private final Geography geography;

	private final Accounts accounts;

	TeamController(Teams teams, Geography geography, Accounts accounts) {
		this.teams = teams;
		this.geography = geography;
		this.accounts = accounts;
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

	@BatchMapping(typeName = "Team")
	Map<Team, List<Account>> members(List<Team> teams) {
		Map<Long, List<Long>> memberIds = this.teams.memberIds(teams.stream().map(Team::id).toList());
		Map<Long, Account> accounts = this.accounts
			.findAll(memberIds.values().stream().flatMap(List::stream).distinct().toList());
		return teams.stream()
			.collect(Collectors.toMap(Function.identity(),
					t -> memberIds.getOrDefault(t.id(), List.of()).stream().map(accounts::get).toList()));
	}

	@Bean
	static NodeType<Team> teamNodeType(Teams teams) {
		return NodeType.of("Team", teams::findAll);
	}

}
