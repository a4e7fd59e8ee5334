package org.qibao.gamification;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.InstanceWithoutRedis;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** Goals, local legends, the service record, levels, reports and cheating patterns, on the real stores. */
@QibaoTest
class CommunityRecognitionTests {

	private static final AtomicLong ATTENDANCE = new AtomicLong(-8_000_000_000L + System.nanoTime() % 1_000_000_000L);

	private static final AtomicLong CASE = new AtomicLong(-7_000_000_000L + System.nanoTime() % 1_000_000_000L);

	private static final String SQUARE = """
			{"type":"Polygon","coordinates":[[[120.0,30.0],[120.01,30.0],[120.01,30.01],[120.0,30.01],[120.0,30.0]]]}""";

	@LocalServerPort
	int port;

	@Autowired
	Recognition recognition;

	@Autowired
	CommunityPlaces places;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	Environment environment;

	private long communityId;

	private Grid grid;

	private Team team;

	private Account admin;

	@BeforeEach
	void aCommunityOfItsOwn() {
		long city = this.geography.createCity("记录城" + System.nanoTime());
		long street = this.geography.createStreet(this.geography.createDistrict(city, "区"), "街道");
		this.communityId = this.geography.createCommunity(street, "社区", "Asia/Shanghai");
		this.places.of(this.communityId).orElseThrow();
		this.grid = this.geography.createGrid(this.communityId, "G" + System.nanoTime() % 100000, "一号网格", SQUARE);
		this.team = this.teams.create(this.communityId, "一队", List.of(this.grid.id()));
		this.admin = volunteer("管理员");
		this.accounts.grant(this.admin.id(), Role.ADMINISTRATOR, this.communityId);
	}

	private Account volunteer(String name) {
		Account account = this.accounts.register(Clients.uniquePhone(), name, Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, this.communityId);
		this.teams.addMember(this.team.id(), account.id());
		return account;
	}

	private PatrolFact patrol(long accountId, int minutes, Instant at, Long proxiedBy) {
		return new PatrolFact(ATTENDANCE.incrementAndGet(), accountId, this.communityId, this.team.id(),
				List.of(this.grid.id()), at, at, at.plusSeconds(minutes * 60L), minutes, 0, proxiedBy, at);
	}

	private String community() {
		return GlobalId.encode("Community", this.communityId);
	}

	@Test
	void aCommunityGoalShowsTheMonthsVerifiedProgress() {
		Account person = volunteer("甲");
		Instant now = Instant.now();
		this.recognition.recognise(patrol(person.id(), 90, now.minusSeconds(60), null));
		PatrolFact reversed = patrol(person.id(), 500, now.minusSeconds(30), null);
		this.recognition.recognise(reversed);
		this.recognition.takeBack(reversed.attendanceId(), now);
		String month = YearMonth.from(now.atZone(ZoneId.of("Asia/Shanghai"))).toString();
		String set = "mutation($i: CommunityGoalSetInput!) { communityGoalSet(input: $i) { goal { target } userErrors { code field } } }";
		Map<String, Object> input = Map.of("communityId", community(), "month", month, "metric", "VERIFIED_PATROL_MINUTES",
				"target", 30000, "titleZhCN", "本月巡逻500小时", "titleEn", "500 patrol hours this month");
		Clients.signedIn(this.port, this.admin.phone()).document(set).variable("i", input).execute()
			.path("communityGoalSet.goal.target").entity(Integer.class).isEqualTo(30000);
		Clients.signedIn(this.port, this.admin.phone()).document(set)
			.variable("i", Map.of("communityId", community(), "month", month, "metric", "PATROLS", "target", 0,
					"titleZhCN", "巡逻", "titleEn", "Patrols"))
			.execute()
			.path("communityGoalSet.userErrors[0].code").entity(String.class).isEqualTo("GOAL_TARGET_OUT_OF_RANGE");
		Clients.anonymous(this.port)
			.document("query($c: ID!) { communityGoals(communityId: $c) { id metric target progress title { zhCN } community { id } } }")
			.variable("c", community())
			.execute()
			.path("communityGoals").entityList(Object.class).hasSize(1)
			.path("communityGoals[0].progress").entity(Integer.class).isEqualTo(90);
	}

	@Test
	void theGridsLocalLegendHasTheMostVerifiedMinutesOfTheLast90DaysAndMayHideTheirName() {
		Account legend = volunteer("肖建国");
		Account second = volunteer("李小");
		Instant now = Instant.now();
		this.recognition.recognise(patrol(legend.id(), 120, now.minusSeconds(86_400 * 10), null));
		this.recognition.recognise(patrol(second.id(), 100, now.minusSeconds(86_400 * 5), null));
		this.recognition.recognise(patrol(second.id(), 500, now.minusSeconds(86_400 * 100), null));
		Clients.signedIn(this.port, legend.phone())
			.document("mutation { leaderboardNameHide(input: {hidden: true}) { hidden } }")
			.execute();
		String query = "query($g: ID!) { node(id: $g) { ... on Grid { localLegend { displayName nameMasked verifiedMinutes } } } }";
		Clients.signedIn(this.port, second.phone()).document(query).variable("g", GlobalId.encode("Grid", this.grid.id()))
			.execute()
			.path("node.localLegend.displayName").entity(String.class).isEqualTo("肖*国")
			.path("node.localLegend.verifiedMinutes").entity(Integer.class).isEqualTo(120);
		Clients.signedIn(this.port, this.admin.phone()).document(query).variable("g", GlobalId.encode("Grid", this.grid.id()))
			.execute()
			.path("node.localLegend.displayName").entity(String.class).isEqualTo("肖建国");
	}

	@Test
	void theServiceRecordListsVerifiedMinutesByYearCommunityAndTeam() {
		Account person = volunteer("乙");
		this.recognition.recognise(patrol(person.id(), 60, Instant.parse("2025-12-31T15:30:00Z"), null));
		this.recognition.recognise(patrol(person.id(), 45, Instant.parse("2025-12-31T16:30:00Z"), null));
		PatrolFact reversed = patrol(person.id(), 300, Instant.parse("2026-02-01T01:00:00Z"), null);
		this.recognition.recognise(reversed);
		this.recognition.takeBack(reversed.attendanceId(), Instant.now());
		Clients.signedIn(this.port, person.phone())
			.document("{ serviceRecord { totalMinutes issuedAt account { id } lines { year verifiedMinutes patrols team { name } community { id } } } }")
			.execute()
			.path("serviceRecord.totalMinutes").entity(Integer.class).isEqualTo(105)
			// 16:30Z on 31 December is already 2026 in Shanghai
			.path("serviceRecord.lines[*].year").entityList(Integer.class).containsExactly(2026, 2025)
			.path("serviceRecord.lines[*].verifiedMinutes").entityList(Integer.class).containsExactly(45, 60)
			.path("serviceRecord.lines[0].team.name").entity(String.class).isEqualTo("一队");
	}

	@Test
	void theAdministratorSetsLevelsThatRiseFromZero() {
		String set = "mutation($i: LevelsSetInput!) { levelsSet(input: $i) { levels { number threshold name { en } } userErrors { code } } }";
		List<Map<String, Object>> rising = List.of(Map.of("threshold", 0, "nameZhCN", "新人", "nameEn", "New"),
				Map.of("threshold", 100, "nameZhCN", "熟手", "nameEn", "Skilled"));
		Clients.signedIn(this.port, this.admin.phone()).document(set)
			.variable("i", Map.of("communityId", community(), "levels", rising)).execute()
			.path("levelsSet.levels[*].threshold").entityList(Integer.class).containsExactly(0, 100);
		List<Map<String, Object>> falling = List.of(Map.of("threshold", 0, "nameZhCN", "新人", "nameEn", "New"),
				Map.of("threshold", 0, "nameZhCN", "熟手", "nameEn", "Skilled"));
		Clients.signedIn(this.port, this.admin.phone()).document(set)
			.variable("i", Map.of("communityId", community(), "levels", falling)).execute()
			.path("levelsSet.userErrors[0].code").entity(String.class).isEqualTo("LEVEL_THRESHOLDS_NOT_RISING")
			.path("levelsSet.levels").valueIsNull();
		Clients.anonymous(this.port).document("query($c: ID!) { levels(communityId: $c) { threshold } }")
			.variable("c", community()).execute()
			.path("levels[*].threshold").entityList(Integer.class).containsExactly(0, 100);
	}

	@Test
	void levelsSetForACommunityMetForTheFirstTimeStayWhenItsStandardBadgesArrive() {
		long city = this.geography.createCity("新城" + System.nanoTime());
		long street = this.geography.createStreet(this.geography.createDistrict(city, "区"), "街道");
		String fresh = GlobalId.encode("Community", this.geography.createCommunity(street, "新社区", "Asia/Shanghai"));
		this.accounts.grant(this.admin.id(), Role.ADMINISTRATOR, GlobalId.keyOf(fresh, "Community"));
		List<Map<String, Object>> rising = List.of(Map.of("threshold", 0, "nameZhCN", "新人", "nameEn", "New"),
				Map.of("threshold", 50, "nameZhCN", "熟手", "nameEn", "Skilled"));

		Clients.signedIn(this.port, this.admin.phone())
			.document("mutation($i: LevelsSetInput!) { levelsSet(input: $i) { levels { threshold } userErrors { code } } }")
			.variable("i", Map.of("communityId", fresh, "levels", rising)).execute()
			.path("levelsSet.levels[*].threshold").entityList(Integer.class).containsExactly(0, 50);

		Clients.anonymous(this.port).document("query($c: ID!) { badges(communityId: $c) { key } levels(communityId: $c) { threshold } }")
			.variable("c", fresh).execute()
			.path("badges").entityList(Object.class).hasSizeGreaterThan(0)
			.path("levels[*].threshold").entityList(Integer.class).containsExactly(0, 50);
	}

	@Test
	void verifiedReportsEarnOnceAndCountTowardsSharpEyes() {
		Account reporter = volunteer("丙");
		for (int i = 0; i < 5; i++) {
			long caseId = CASE.incrementAndGet();
			this.recognition.recogniseReport(caseId, reporter.id(), this.communityId, this.grid.id(), Instant.now());
			assertThat(this.recognition.recogniseReport(caseId, reporter.id(), this.communityId, this.grid.id(), Instant.now()))
				.as("a second delivery").isEmpty();
		}
		Clients.signedIn(this.port, reporter.phone())
			.document("query($c: ID!) { gamification(communityId: $c) { points badges { badge { key } } } }")
			.variable("c", community())
			.execute()
			.path("gamification.points").entity(Integer.class).isEqualTo(5 * PointsPolicy.PER_VERIFIED_REPORT)
			.path("gamification.badges[*].badge.key").entityList(String.class).containsExactly("sharp-eyes");
	}

	@Test
	void giftsEarnOnceEachAndOnlyThreeAMonth() {
		Account giver = volunteer("戊");
		Instant at = Instant.now();
		long first = CASE.incrementAndGet();
		assertThat(this.recognition.recogniseGift(first, this.communityId, giver.id(), at)).hasSize(1);
		assertThat(this.recognition.recogniseGift(first, this.communityId, giver.id(), at)).as("a second delivery").isEmpty();
		assertThat(this.recognition.recogniseGift(CASE.incrementAndGet(), this.communityId, giver.id(), at)).hasSize(1);
		assertThat(this.recognition.recogniseGift(CASE.incrementAndGet(), this.communityId, giver.id(), at)).hasSize(1);
		assertThat(this.recognition.recogniseGift(CASE.incrementAndGet(), this.communityId, giver.id(), at)).as("a fourth gift").isEmpty();
		Clients.signedIn(this.port, giver.phone())
			.document("query($c: ID!) { gamification(communityId: $c) { points pointsHistory { nodes { source } } } }")
			.variable("c", community())
			.execute()
			.path("gamification.points").entity(Integer.class).isEqualTo(3 * PointsPolicy.PER_GIFT)
			.path("gamification.pointsHistory.nodes[*].source").entityList(String.class).containsExactly("GIFT", "GIFT", "GIFT");
	}

	@Test
	void aCaptainsProxyPatrolsFarAboveTheTeamsUsualAreFlagged() {
		Account busy = volunteer("忙队长");
		Account usual = volunteer("常队长");
		Account member = volunteer("丁");
		this.accounts.grant(busy.id(), Role.CAPTAIN, this.team.id());
		Instant start = Instant.now().minusSeconds(86_400);
		this.recognition.recognise(patrol(member.id(), 30, start, usual.id()));
		for (int i = 1; i <= ReviewFlags.PROXY_FLOOR; i++) {
			this.recognition.recognise(patrol(member.id(), 30, start.plusSeconds(3600L * i), busy.id()));
		}
		Clients.signedIn(this.port, busy.phone())
			.document("query($t: ID!) { reviewFlags(teamId: $t) { nodes { kind account { id } team { id } } } }")
			.variable("t", GlobalId.encode("Team", this.team.id()))
			.execute()
			.path("reviewFlags.nodes[*].kind").entityList(String.class).containsExactly("PROXY_ABOVE_USUAL")
			.path("reviewFlags.nodes[0].account.id").entity(String.class).isEqualTo(GlobalId.encode("Account", busy.id()));
	}

	@Test
	void onlyTheCommunitysAdministratorsEditBadgesAndOnlyTheTeamsCaptainsSeeItsReviewQueue() {
		Account volunteer = volunteer("己");
		Map<String, Object> input = Map.of("communityId", community(), "key", "sneaky", "nameZhCN", "偷", "nameEn", "Sneaky",
				"descriptionZhCN", "偷偷的", "descriptionEn", "Sneaky", "rule", Map.of("metric", "PATROLS", "threshold", 1));
		Clients.signedIn(this.port, volunteer.phone())
			.document("mutation($i: BadgeCreateInput!) { badgeCreate(input: $i) { badge { key } } }")
			.variable("i", input)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("classification")).containsExactly("FORBIDDEN"));
		Clients.anonymous(this.port).document("query($c: ID!) { badges(communityId: $c) { key } }").variable("c", community())
			.execute()
			.path("badges[*].key").entityList(String.class).doesNotContain("sneaky");
		Clients.signedIn(this.port, volunteer.phone())
			.document("query($t: ID!) { reviewFlags(teamId: $t) { totalCount } }")
			.variable("t", GlobalId.encode("Team", this.team.id()))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("classification")).containsExactly("FORBIDDEN"));
	}

	@Test
	void whileRedisIsUnreachableTheLeaderboardAnswersUnavailable() {
		try (InstanceWithoutRedis instance = InstanceWithoutRedis.start(this.environment, "--spring.data.redis.timeout=300ms")) {
			Clients.anonymous(instance.port())
				.document("query($p: ID!) { leaderboard(subject: VOLUNTEERS, scope: COMMUNITY, placeId: $p, period: ALL_TIME) { totalCount } }")
				.variable("p", community())
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAVAILABLE");
					assertThat(errors.get(0).getExtensions()).containsEntry("code", "LEADERBOARD_UNAVAILABLE");
				});
		}
	}

}
