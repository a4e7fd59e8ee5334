package org.qibao.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.springframework.context.ApplicationContext;

/**
 * A community of its own, in a city of its own, with a grid and a team, and the people who hold the
 * demo community's roles there: they play the matrix's "other" columns against the demo's objects.
 */
final class Elsewhere {

	private final ApplicationContext context;

	Elsewhere(ApplicationContext context) {
		this.context = context;
	}

	/** Column → phone of a new account holding that role elsewhere (password {@link Clients#DEMO_PASSWORD}). */
	Map<String, String> callers() {
		Geography geography = this.context.getBean(Geography.class);
		String suffix = String.valueOf(System.nanoTime());
		long city = geography.createCity("矩阵市 " + suffix);
		long street = geography.createStreet(geography.createDistrict(city, "矩阵区"), "矩阵街道");
		long community = geography.createCommunity(street, "矩阵社区 " + suffix, "Asia/Shanghai");
		Grid grid = geography.createGrid(community, "M-01", "矩阵网格", """
				{"type":"Polygon","coordinates":[[[121.300,31.150],[121.310,31.150],[121.310,31.160],[121.300,31.160],[121.300,31.150]]]}""");
		Team team = this.context.getBean(Teams.class).create(community, "矩阵队 " + suffix, List.of(grid.id()));
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("captain-other-team", person(Role.CAPTAIN, team.id()));
		callers.put("grid-worker-other", person(Role.GRID_WORKER, grid.id()));
		callers.put("administrator-other", person(Role.ADMINISTRATOR, community));
		return callers;
	}

	private String person(Role role, long scopeId) {
		Accounts accounts = this.context.getBean(Accounts.class);
		String phone = Clients.uniquePhone();
		accounts.grant(accounts.register(phone, "矩阵" + role, Clients.DEMO_PASSWORD, "zh-CN").id(), role, scopeId);
		return phone;
	}

}
