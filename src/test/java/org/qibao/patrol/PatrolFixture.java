package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A fresh team of its own in the demo community for each test, patrolling DT-01 and DT-02,
 * so that tests do not share sign-ups with each other or with the demo.
 */
class PatrolFixture {

	static final GeoPoint IN_DT01 = new GeoPoint(114.353, 30.567);

	/** About 300 m east of DT-02's eastern edge, outside all of the team's grids. */
	static final GeoPoint EAST_OF_DT02 = new GeoPoint(114.3652, 30.5675);

	static final String PASSWORD = "patrol-test-1";

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	Geography geography;

	@Autowired
	ShiftPlanning planning;

	@Autowired
	ShiftGenerator generator;

	/** The scheduled generator's run, as every instance makes it each hour. */
	void generatorRuns() {
		this.generator.generateAhead(java.time.Instant.now());
	}

	record Person(Account account, String phone) {

		String id() {
			return GlobalId.encode("Account", this.account.id());
		}

		HttpGraphQlTester client(int port) {
			return Clients.signedIn(port, this.phone, PASSWORD);
		}

	}

	record Crew(Team team, Person captain, List<Person> volunteers, Grid dt01, Grid dt02) {

		String teamId() {
			return GlobalId.encode("Team", this.team.id());
		}

		Person volunteer(int i) {
			return this.volunteers.get(i);
		}

	}

	/** A new team with a captain and the given number of volunteers, all active members. */
	Crew crew(int volunteers) {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		Grid dt02 = this.geography.gridsOf(dt01.communityId()).stream().filter(g -> g.code().equals("DT-02")).findFirst().orElseThrow();
		Team team = this.teams.create(dt01.communityId(), "测试队" + System.nanoTime() % 1_000_000_000L,
				List.of(dt01.id(), dt02.id()));
		Person captain = person("队长", team);
		this.accounts.grant(captain.account().id(), Role.CAPTAIN, team.id());
		List<Person> members = new ArrayList<>();
		for (int i = 0; i < volunteers; i++) {
			members.add(person("队员" + i, team));
		}
		return new Crew(team, captain, members, dt01, dt02);
	}

	/** A new administrator of the community. */
	Person administrator(long communityId) {
		Person person = registered("书记");
		this.accounts.grant(person.account().id(), Role.ADMINISTRATOR, communityId);
		return person;
	}

	/** A new community elsewhere, with one grid of its own, far from the demo's. */
	Grid gridElsewhere() {
		return gridElsewhere("Asia/Shanghai");
	}

	/** The same, in a community of this time zone. */
	Grid gridElsewhere(String zone) {
		long city = this.geography.createCity("别城" + System.nanoTime());
		long community = this.geography.createCommunity(
				this.geography.createStreet(this.geography.createDistrict(city, "区"), "街道"), "别的社区", zone);
		return this.geography.createGrid(community, "EL-01", "别处一网格", """
				{"type":"Polygon","coordinates":[[[121.30,31.15],[121.31,31.15],[121.31,31.16],[121.30,31.16],[121.30,31.15]]]}""");
	}

	/** Inside {@link #gridElsewhere}'s grid. */
	static final GeoPoint ELSEWHERE = new GeoPoint(121.305, 31.155);

	/** A new team with a captain and volunteers in a community of its own, in this time zone, patrolling its one grid. */
	Crew crewElsewhere(String zone, int volunteers) {
		Grid grid = gridElsewhere(zone);
		Team team = this.teams.create(grid.communityId(), "别队" + System.nanoTime() % 1_000_000L, List.of(grid.id()));
		Person captain = person("队长", team);
		this.accounts.grant(captain.account().id(), Role.CAPTAIN, team.id());
		List<Person> members = new ArrayList<>();
		for (int i = 0; i < volunteers; i++) {
			members.add(person("队员" + i, team));
		}
		return new Crew(team, captain, members, grid, grid);
	}

	/** A new person who belongs to no team yet. */
	Person outsider() {
		return registered("居民");
	}

	private Person registered(String name) {
		String phone = Clients.uniquePhone();
		return new Person(this.accounts.register(phone, name, PASSWORD, "zh-CN"), phone);
	}

	Person person(String name, Team team) {
		Person person = registered(name);
		this.accounts.grant(person.account().id(), Role.VOLUNTEER, team.communityId());
		this.teams.addMember(team.id(), person.account().id());
		return person;
	}

	/**
	 * A one-off shift of the crew in DT-01 starting this long from now (negative: already started); one that
	 * has started was planned an hour before its start, as a captain would.
	 */
	Shift shift(Crew crew, Duration fromNow, Duration length, int min, int max) {
		Instant now = Instant.now();
		Instant start = now.plus(fromNow);
		Instant planned = fromNow.isNegative() ? start.minus(Duration.ofHours(1)) : now;
		return this.planning.createShift(crew.team().id(), List.of(crew.dt01().id()), start, start.plus(length), min, max,
				List.of(new ShiftPlanning.CheckpointSpec("3 栋门口", IN_DT01)), crew.captain().account().id(), planned);
	}

	static String id(Shift shift) {
		return GlobalId.encode("Shift", shift.id());
	}

	static Map<String, Object> position(GeoPoint point) {
		return Map.of("longitude", point.longitude(), "latitude", point.latitude());
	}

	static GraphQlTester.Response signUp(HttpGraphQlTester client, Shift shift) {
		return client.document("""
				mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) {
				  signup { id status } userErrors { code message field } } }""")
			.variable("input", Map.of("shiftId", id(shift)))
			.execute();
	}

	static GraphQlTester.Response checkIn(HttpGraphQlTester client, Shift shift, GeoPoint where, double accuracy) {
		return client.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) {
				  checkIn { id checkedInAt reportedBy { displayName } } userErrors { code message field } } }""")
			.variable("input", Map.of("shiftId", id(shift), "position", position(where), "accuracy", accuracy))
			.execute();
	}

	static GraphQlTester.Response checkOut(HttpGraphQlTester client, Shift shift, GeoPoint where, double accuracy) {
		return client.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) {
				  checkIn { id checkedOutAt closedHow attendance { id status reviewReason verifiedMinutes checkedInMinutes } }
				  userErrors { code message field } } }""")
			.variable("input", Map.of("shiftId", id(shift), "position", position(where), "accuracy", accuracy))
			.execute();
	}

}
