package org.qibao.gamification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Points, badges, streaks and boards on the real PostgreSQL and Redis, each test in a city of its own. */
@QibaoTest
class GamificationTests {

	private static final AtomicLong ATTENDANCE = new AtomicLong(-9_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	Recognition recognition;

	@Autowired
	Leaderboards leaderboards;

	@Autowired
	BoardStore store;

	@Autowired
	Streaks streaks;

	@Autowired
	CommunityPlaces places;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	private long cityId;

	private long communityId;

	private CommunityPlace place;

	private Team team;

	@BeforeEach
	void aCityOfItsOwn() {
		String name = "游戏城" + System.nanoTime();
		this.cityId = this.geography.createCity(name);
		long street = this.geography.createStreet(this.geography.createDistrict(this.cityId, "区"), "街道");
		this.communityId = this.geography.createCommunity(street, "社区", "Asia/Shanghai");
		this.place = this.places.of(this.communityId).orElseThrow();
		this.team = this.teams.create(this.communityId, "一队", List.of());
	}

	private Account volunteer(String name) {
		Account account = this.accounts.register(Clients.uniquePhone(), name, Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, this.communityId);
		this.teams.addMember(this.team.id(), account.id());
		return account;
	}

	private PatrolFact patrol(long accountId, int minutes, Instant checkedIn) {
		return new PatrolFact(ATTENDANCE.incrementAndGet(), accountId, this.communityId, this.team.id(), List.of(), checkedIn,
				checkedIn, checkedIn.plusSeconds(minutes * 60L), minutes, 2, null, checkedIn.plusSeconds(minutes * 60L));
	}

	private int points(long accountId) {
		return this.jdbc.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private List<String> badges(long accountId) {
		return this.jdbc.sql("SELECT b.key FROM badge_award w JOIN badge b ON b.id = w.badge_id WHERE w.account_id = ? ORDER BY 1")
			.param(accountId)
			.query(String.class)
			.list();
	}

	@Test
	void anEventDeliveredManyTimesAtOnceAwardsOnce() throws Exception {
		Account person = volunteer("李四");
		PatrolFact fact = patrol(person.id(), 90, Instant.now().minusSeconds(7200));
		List<List<PointsEntry>> written = Bursts.race(8, i -> () -> this.recognition.recognise(fact));
		assertThat(written.stream().mapToInt(List::size).sum()).as("entries written across deliveries").isEqualTo(2);
		assertThat(points(person.id())).isEqualTo(90 + 2 * PointsPolicy.PER_CHECKPOINT);
	}

	@Test
	void anAttendanceReversedAfterItEarnedTakesItsPointsBackWithNewEntries() {
		Account person = volunteer("王五");
		PatrolFact fact = patrol(person.id(), 60, Instant.now().minusSeconds(7200));
		this.recognition.recognise(fact);
		assertThat(points(person.id())).isEqualTo(70);
		assertThat(badges(person.id())).containsExactly("first-patrol");
		assertThat(this.recognition.takeBack(fact.attendanceId(), Instant.now())).hasSize(2);
		assertThat(badges(person.id())).as("the badge only that patrol earned").isEmpty();
		assertThat(this.recognition.takeBack(fact.attendanceId(), Instant.now())).as("reversed once").isEmpty();
		assertThat(points(person.id())).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM points_entry WHERE account_id = ?").param(person.id()).query(Integer.class).single())
			.as("awards kept, reversals added").isEqualTo(4);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE points_entry SET points = 0 WHERE account_id = ?").param(person.id()).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void aRebuildFromPostgresEqualsTheIncrementalBoardsAndTiesGoToTheEarlierAchiever() {
		Account early = volunteer("张早");
		Account late = volunteer("刘晚");
		Account top = volunteer("陈高");
		Board community = new Board(Board.Subject.VOLUNTEERS, Board.Scope.COMMUNITY, this.communityId, Board.ALL_TIME);
		Board teams = new Board(Board.Subject.TEAMS, Board.Scope.CITY, this.cityId, Board.ALL_TIME);
		this.leaderboards.rebuild(community);
		this.leaderboards.rebuild(teams);
		Instant base = Instant.now().minusSeconds(86_400);
		this.recognition.recognise(patrol(late.id(), 50, base.plusSeconds(3600)));
		this.recognition.recognise(patrol(early.id(), 50, base));
		this.recognition.recognise(patrol(top.id(), 30, base));
		this.recognition.recognise(patrol(top.id(), 40, base.plusSeconds(600)));
		PatrolFact reversed = patrol(top.id(), 100, base.plusSeconds(7200));
		this.recognition.recognise(reversed);
		this.recognition.takeBack(reversed.attendanceId(), Instant.now());

		List<String> incremental = this.store.dump(community);
		List<String> incrementalTeams = this.store.dump(teams);
		this.leaderboards.rebuild(community);
		this.leaderboards.rebuild(teams);
		assertThat(this.store.dump(community)).isEqualTo(incremental);
		assertThat(this.store.dump(teams)).isEqualTo(incrementalTeams).hasSize(1);

		List<Map<String, Object>> page = Clients.anonymous(this.port)
			.document("query($p: ID!) { leaderboard(subject: VOLUNTEERS, scope: COMMUNITY, placeId: $p, period: ALL_TIME) "
					+ "{ totalCount nodes { rank points displayName } } }")
			.variable("p", GlobalId.encode("Community", this.communityId))
			.execute()
			.path("leaderboard.nodes")
			.entityList(Object.class)
			.get()
			.stream()
			.map(o -> (Map<String, Object>) o)
			.toList();
		assertThat(page).extracting(m -> m.get("displayName")).containsExactly("陈高", "张早", "刘晚");
		assertThat(page).extracting(m -> m.get("points")).containsExactly(90, 60, 60);
	}

	@Test
	void aBoardRedisHasLostIsRebuiltWhenRead() {
		Account person = volunteer("赵六");
		this.recognition.recognise(patrol(person.id(), 45, Instant.now().minusSeconds(3600)));
		Board board = new Board(Board.Subject.VOLUNTEERS, Board.Scope.CITY, this.cityId, Board.ALL_TIME);
		this.storeLoses(board);
		assertThat(this.leaderboards.page(board, 0, 10)).containsEntry(person.id(), 55L);
	}

	@Autowired
	org.springframework.data.redis.core.StringRedisTemplate redis;

	private void storeLoses(Board board) {
		this.redis.delete(List.of(board.key(), board.builtKey()));
	}

	@Test
	void aHiddenNameIsMaskedOnPublicBoardsButCaptainsStillSeeIt() {
		Account person = volunteer("肖建国");
		this.recognition.recognise(patrol(person.id(), 30, Instant.now().minusSeconds(3600)));
		Clients.signedIn(this.port, this.accounts.findAll(List.of(person.id())).get(person.id()).phone())
			.document("mutation { leaderboardNameHide(input: {hidden: true}) { hidden userErrors { code } } }")
			.execute()
			.path("leaderboardNameHide.hidden")
			.entity(Boolean.class)
			.isEqualTo(true);
		String query = "query($p: ID!) { leaderboard(subject: VOLUNTEERS, scope: CITY, placeId: $p, period: WEEK) "
				+ "{ nodes { displayName nameMasked account { id } } } }";
		Clients.anonymous(this.port).document(query).variable("p", GlobalId.encode("City", this.cityId)).execute()
			.path("leaderboard.nodes[0].displayName").entity(String.class).isEqualTo("肖*国")
			.path("leaderboard.nodes[0].account").valueIsNull();
		Account captain = volunteer("队长");
		this.accounts.grant(captain.id(), Role.CAPTAIN, this.team.id());
		Clients.signedIn(this.port, captain.phone()).document(query).variable("p", GlobalId.encode("City", this.cityId)).execute()
			.path("leaderboard.nodes[0].displayName").entity(String.class).isEqualTo("肖建国");
	}

	@Test
	void aBadgeAddedLaterIsAwardedForThePastOnceAndBadRulesAreRefused() {
		Account person = volunteer("孙七");
		this.recognition.recognise(patrol(person.id(), 30, Instant.now().minusSeconds(86_400 * 3)));
		this.recognition.recognise(patrol(person.id(), 30, Instant.now().minusSeconds(86_400 * 2)));
		Account admin = volunteer("管理员");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		String create = "mutation($i: BadgeCreateInput!) { badgeCreate(input: $i) { badge { id key name { en } rule { metric threshold window } } "
				+ "backfilledAwards userErrors { code field } } }";
		Map<String, Object> rule = Map.of("metric", "PATROLS", "threshold", 2);
		var created = Clients.signedIn(this.port, admin.phone()).document(create)
			.variable("i", badgeInput("two-patrols", rule)).execute();
		created.path("badgeCreate.backfilledAwards").entity(Integer.class).isEqualTo(1);
		String badgeId = created.path("badgeCreate.badge.id").entity(String.class).get();

		Clients.signedIn(this.port, admin.phone())
			.document("mutation($i: BadgeUpdateInput!) { badgeUpdate(input: $i) { backfilledAwards userErrors { code } } }")
			.variable("i", Map.of("badgeId", badgeId, "rule", Map.of("metric", "PATROLS", "threshold", 1)))
			.execute()
			.path("badgeUpdate.backfilledAwards").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM badge_award WHERE badge_id = ?")
			.param(GlobalId.keyOf(badgeId, "Badge")).query(Integer.class).single()).isEqualTo(1);

		Clients.signedIn(this.port, admin.phone()).document(create)
			.variable("i", badgeInput("bad", Map.of("metric", "HAPPINESS", "threshold", 1))).execute()
			.path("badgeCreate.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_BADGE_METRIC")
			.path("badgeCreate.badge").valueIsNull();
		Clients.signedIn(this.port, admin.phone()).document(create)
			.variable("i", badgeInput("bad", Map.of("metric", "PATROLS", "threshold", -1))).execute()
			.path("badgeCreate.userErrors[0].code").entity(String.class).isEqualTo("BADGE_THRESHOLD_NOT_POSITIVE");
		Clients.anonymous(this.port).document("query($c: ID!) { badges(communityId: $c) { key community { id } } }")
			.variable("c", GlobalId.encode("Community", this.communityId)).execute()
			.path("badges[*].key").entityList(String.class).contains("first-patrol", "two-patrols").doesNotContain("bad");
	}

	private Map<String, Object> badgeInput(String key, Map<String, Object> rule) {
		return Map.of("communityId", GlobalId.encode("Community", this.communityId), "key", key, "nameZhCN", "两次巡逻",
				"nameEn", "Two patrols", "descriptionZhCN", "巡逻两次。", "descriptionEn", "Patrolled twice.", "rule", rule);
	}

	@Test
	void theVolunteerSeesPointsLevelHistoryBadgesStreakAndRanks() {
		Account person = volunteer("周八");
		this.recognition.recognise(patrol(person.id(), 600, Instant.now().minusSeconds(86_400)));
		Clients.signedIn(this.port, person.phone())
			.document("query($c: ID!) { gamification(communityId: $c) { points level { number name { zhCN } } nextLevel { threshold } "
					+ "pointsToNextLevel pointsHistory(first: 5) { totalCount nodes { points source sourceRef } } "
					+ "badges { badge { key } times } nextBadges { badge { key } current threshold } "
					+ "streak { currentWeeks longestWeeks graceLeft pause { reason } } ranks { scope period rank of } } "
					+ "levels(communityId: $c) { number threshold } }")
			.variable("c", GlobalId.encode("Community", this.communityId))
			.execute()
			.path("gamification.points").entity(Integer.class).isEqualTo(610)
			.path("gamification.level.number").entity(Integer.class).isEqualTo(2)
			.path("gamification.pointsToNextLevel").entity(Integer.class).isEqualTo(3000 - 610)
			.path("gamification.pointsHistory.totalCount").entity(Integer.class).isEqualTo(2)
			.path("gamification.badges[*].badge.key").entityList(String.class).contains("first-patrol", "hours-10")
			.path("gamification.streak.longestWeeks").entity(Integer.class).isEqualTo(1)
			.path("gamification.ranks[0].rank").entity(Integer.class).isEqualTo(1)
			.path("levels[0].threshold").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void weeksAreTheCommunitysEvenAcrossADaylightSavingChange() {
		long street = this.geography.createStreet(this.geography.createDistrict(this.cityId, "柏林区"), "柏林街");
		long berlin = this.geography.createCommunity(street, "柏林社区", "Europe/Berlin");
		CommunityPlace there = this.places.of(berlin).orElseThrow();
		long person = volunteer("吴九").id();
		// 2026-10-25 is the Sunday clocks go back in Berlin: 23:30 that night is 22:30Z, and
		// Monday 00:30 is 23:30Z, still Sunday in UTC but the next ISO week in Berlin
		for (String at : List.of("2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z")) {
			this.recognition.recognise(new PatrolFact(ATTENDANCE.incrementAndGet(), person, berlin, null, List.of(),
					Instant.parse(at), null, null, 30, 0, null, Instant.parse(at)));
		}
		assertThat(this.streaks.of(person, there).longestWeeks()).isEqualTo(2);
		assertThat(there.week(Instant.parse("2026-10-25T22:30:00Z"))).isEqualTo("2026-W43");
		assertThat(there.week(Instant.parse("2026-10-25T23:30:00Z"))).isEqualTo("2026-W44");
		assertThat(ZoneId.of("Europe/Berlin").getRules().isDaylightSavings(Instant.parse("2026-10-24T22:30:00Z"))).isTrue();
	}

	@Test
	void aCaptainPausesAMembersStreakAndSeesOverlappingAttendancesInTheReviewQueue() {
		Account member = volunteer("郑十");
		Account captain = volunteer("队长二");
		this.accounts.grant(captain.id(), Role.CAPTAIN, this.team.id());
		Instant at = Instant.now().minusSeconds(86_400);
		this.recognition.recognise(patrol(member.id(), 60, at));
		this.recognition.recognise(patrol(member.id(), 60, at.plusSeconds(1800)));
		Clients.signedIn(this.port, captain.phone())
			.document("mutation($i: StreakPauseSetInput!) { streakPauseSet(input: $i) { pause { from until reason } userErrors { code } } }")
			.variable("i", Map.of("teamId", GlobalId.encode("Team", this.team.id()), "accountId", GlobalId.encode("Account", member.id()),
					"from", "2026-12-01", "until", "2026-12-20", "reason", "住院"))
			.execute()
			.path("streakPauseSet.pause.reason").entity(String.class).isEqualTo("住院");
		Clients.signedIn(this.port, captain.phone())
			.document("query($t: ID!) { reviewFlags(teamId: $t) { totalCount nodes { kind account { id } detail } } }")
			.variable("t", GlobalId.encode("Team", this.team.id()))
			.execute()
			.path("reviewFlags.totalCount").entity(Integer.class).isEqualTo(1)
			.path("reviewFlags.nodes[0].kind").entity(String.class).isEqualTo("OVERLAPPING_ATTENDANCE");
	}

	@Test
	void anAdministratorsCityRebuildEqualsTheIncrementalBoards() {
		Account person = volunteer("钱一");
		Account other = volunteer("钱二");
		Instant now = Instant.now();
		List<Board> boards = new java.util.ArrayList<>();
		for (Board.Subject subject : Board.Subject.values()) {
			for (Board.Period period : Board.Period.values()) {
				boards.add(this.leaderboards.current(subject, Board.Scope.COMMUNITY, this.communityId, period));
				boards.add(this.leaderboards.current(subject, Board.Scope.STREET, this.place.streetId(), period));
				boards.add(this.leaderboards.current(subject, Board.Scope.CITY, this.cityId, period));
			}
		}
		boards.forEach(this.leaderboards::rebuild);
		this.recognition.recognise(patrol(person.id(), 20, now.minusSeconds(3600)));
		this.recognition.recognise(patrol(other.id(), 35, now.minusSeconds(86_400 * 40)));
		PatrolFact reversed = patrol(other.id(), 90, now.minusSeconds(7200));
		this.recognition.recognise(reversed);
		this.recognition.takeBack(reversed.attendanceId(), now);
		List<List<String>> incremental = boards.stream().map(this.store::dump).toList();

		Account admin = volunteer("管理员二");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		Clients.signedIn(this.port, admin.phone())
			.document("mutation($i: LeaderboardRebuildInput!) { leaderboardRebuild(input: $i) { volunteers userErrors { code } } }")
			.variable("i", Map.of("cityId", GlobalId.encode("City", this.cityId)))
			.execute()
			.path("leaderboardRebuild.volunteers").entity(Integer.class).isEqualTo(2);
		assertThat(boards.stream().map(this.store::dump).toList()).isEqualTo(incremental);
		assertThat(incremental.get(0)).as("this week's volunteer board of the community").isNotEmpty();
	}
}
