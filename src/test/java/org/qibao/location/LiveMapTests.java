package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@LocationTest
class LiveMapTests {

	private static final String IN_GRID = """
			query($grid: ID!) { livePatrollersInGrid(gridId: $grid) { checkInId account { displayName } stale grid { code } } }""";

	private static final String IN_COMMUNITY = """
			query($community: ID!) { livePatrollersInCommunity(communityId: $community) { checkInId account { displayName } stale } }""";

	private static final String NEAR = """
			query($community: ID!, $point: GeoPointInput!, $radius: Int!) {
			  livePatrollersNear(communityId: $community, point: $point, radiusMetres: $radius) { checkInId distanceMetres } }""";

	private static final String TRACK = """
			query($checkIn: ID!) { patrolTrack(checkInId: $checkIn) { recordedAt insidePatrolArea } }""";

	private static final String GRID_WORKER_PHONE = "13900000002";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	Geography geography;

	@Autowired
	Teams teams;

	Patrol patrol;

	@BeforeEach
	void demoCommunity() {
		this.patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
	}

	@Test
	void theGridWorkerSeesAPatrollerInTheirGrid() {
		Volunteer volunteer = this.patrol.checkedIn("王秀英");
		volunteer.report(Patrol.IN_DT01, Instant.now());
		List<Map<String, Object>> patrollers = inGrid(GRID_WORKER_PHONE, this.patrol.dt01);
		assertThat(patrollers).filteredOn(p -> volunteer.checkInId().equals(p.get("checkInId")))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.get("account")).isEqualTo(Map.of("displayName", "王秀英"));
				assertThat(p.get("stale")).isEqualTo(false);
				assertThat(p.get("grid")).isEqualTo(Map.of("code", "DT-01"));
			});
	}

	@Test
	void aPositionOlderThanTheStalenessLimitIsGreyedAndOneOlderStillDropsOffTheMap() {
		Volunteer greyed = this.patrol.checkedIn("旧位置");
		greyed.report(Patrol.IN_DT01, Instant.now().minus(Duration.ofMinutes(2)));
		Volunteer gone = this.patrol.checkedIn("更旧的位置");
		gone.report(Patrol.IN_DT01, Instant.now().minus(Duration.ofMinutes(11)))
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		List<Map<String, Object>> patrollers = inCommunity(Clients.ADMINISTRATOR_PHONE);
		assertThat(patrollers).filteredOn(p -> greyed.checkInId().equals(p.get("checkInId")))
			.singleElement()
			.satisfies(p -> assertThat(p.get("stale")).isEqualTo(true));
		assertThat(patrollers).noneMatch(p -> gone.checkInId().equals(p.get("checkInId")));
	}

	@Test
	void patrollersNearAPointComeNearestFirst() {
		Volunteer far = this.patrol.checkedIn("远");
		far.report(Patrol.east(Patrol.IN_DT01, 300), Instant.now());
		Volunteer near = this.patrol.checkedIn("近");
		near.report(Patrol.east(Patrol.IN_DT01, 10), Instant.now());
		List<Map<String, Object>> found = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(NEAR)
			.variable("community", this.patrol.community())
			.variable("point", Map.of("longitude", Patrol.IN_DT01[0], "latitude", Patrol.IN_DT01[1]))
			.variable("radius", 400)
			.execute()
			.path("livePatrollersNear").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
		List<Object> ids = found.stream().map(p -> p.get("checkInId")).toList();
		assertThat(ids).contains(near.checkInId(), far.checkInId());
		assertThat(ids.indexOf(near.checkInId())).isLessThan(ids.indexOf(far.checkInId()));
		assertThat(((Number) found.get(ids.indexOf(near.checkInId())).get("distanceMetres")).doubleValue())
			.isBetween(5.0, 15.0);
	}

	@Test
	void aVolunteerOrAMerchantMayNotLookAtTheLiveMap() {
		Volunteer nosy = this.patrol.volunteer("好奇的邻居");
		nosy.phone.document(IN_COMMUNITY).variable("community", this.patrol.community()).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		Clients.signedIn(this.port, "13900000010").document(IN_GRID).variable("grid", this.patrol.grid(this.patrol.dt01))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	@Test
	void aCaptainOpensTheMapOfTheirOwnTeamsCommunityOnly() {
		long community = this.geography.createCommunity(this.jdbc.sql("SELECT street_id FROM community WHERE id = ?")
			.param(this.patrol.communityId)
			.query(Long.class)
			.single(), "别的社区 " + System.nanoTime(), "Asia/Shanghai");
		long team = this.teams.create(community, "别的巡逻队", List.of()).id();
		String phone = Clients.uniquePhone();
		this.accounts.grant(this.accounts.register(phone, "别队队长", Clients.DEMO_PASSWORD, "zh-CN").id(), Role.CAPTAIN, team);
		GraphQlTester otherCaptain = Clients.signedIn(this.port, phone);
		otherCaptain.document(IN_COMMUNITY).variable("community", this.patrol.community()).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		otherCaptain.document(IN_GRID).variable("grid", this.patrol.grid(this.patrol.dt01)).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		otherCaptain.document(IN_COMMUNITY).variable("community", GlobalId.encode("Community", community)).execute()
			.path("livePatrollersInCommunity").entityList(Map.class).hasSize(0);
		Volunteer member = this.patrol.checkedIn("本队队员");
		member.report(Patrol.IN_DT01, Instant.now());
		assertThat(inCommunity(Clients.CAPTAIN_PHONE)).anyMatch(p -> member.checkInId().equals(p.get("checkInId")));
	}

	@Test
	void aGridWorkerSeesOnlyThePatrolsOfTheirGrids() {
		Volunteer elsewhere = this.patrol.volunteer("三网格巡逻");
		Instant start = Instant.now().minus(Duration.ofMinutes(5));
		elsewhere.checkIn = this.checkIns.open(elsewhere.account.id(), this.patrol.communityId, this.patrol.teamId + 100_000,
				List.of(this.patrol.dt03), start, start.plus(Duration.ofHours(1)));
		elsewhere.report(new double[] { 114.356, 30.5625 }, Instant.now())
			.path("positionReport.patroller.grid.code").entity(String.class).isEqualTo("DT-03");
		assertThat(inCommunity(GRID_WORKER_PHONE)).noneMatch(p -> elsewhere.checkInId().equals(p.get("checkInId")));
		assertThat(inCommunity(Clients.ADMINISTRATOR_PHONE)).anyMatch(p -> elsewhere.checkInId().equals(p.get("checkInId")));
		assertThat(inCommunity(Clients.CAPTAIN_PHONE)).noneMatch(p -> elsewhere.checkInId().equals(p.get("checkInId")));
	}

	@Test
	void aTrackIsForTheTeamsCaptainAndTheGridWorkerOnly() {
		Volunteer volunteer = this.patrol.checkedIn("有轨迹的队员");
		Instant now = Instant.now();
		volunteer.report(Patrol.IN_DT01, now.minusSeconds(30));
		volunteer.report(Patrol.east(Patrol.IN_DT01, 20), now);
		for (String phone : List.of(Clients.CAPTAIN_PHONE, GRID_WORKER_PHONE)) {
			Clients.signedIn(this.port, phone).document(TRACK).variable("checkIn", volunteer.checkInId()).execute()
				.path("patrolTrack").entityList(Map.class).hasSize(2);
		}
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(TRACK).variable("checkIn", volunteer.checkInId())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> inGrid(String phone, long grid) {
		GraphQlTester.Response response = Clients.signedIn(this.port, phone).document(IN_GRID)
			.variable("grid", this.patrol.grid(grid)).execute();
		return response.path("livePatrollersInGrid").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> inCommunity(String phone) {
		GraphQlTester.Response response = Clients.signedIn(this.port, phone).document(IN_COMMUNITY)
			.variable("community", this.patrol.community()).execute();
		return response.path("livePatrollersInCommunity").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

}
