package org.qibao.gamification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.InstanceWithoutRedis;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What an outsider's requests to the gamification schema get: clear refusals, nothing changed, no server fault. */
@QibaoTest
class HostileGamificationTests {

	private static final AtomicLong ATTENDANCE = new AtomicLong(-6_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	Recognition recognition;

	private long communityId;

	private Team team;

	private Account captain;

	@BeforeEach
	void aTeamOfItsOwn() {
		long city = this.geography.createCity("敌意城" + System.nanoTime());
		long street = this.geography.createStreet(this.geography.createDistrict(city, "区"), "街道");
		this.communityId = this.geography.createCommunity(street, "社区", "Asia/Shanghai");
		this.team = this.teams.create(this.communityId, "一队", List.of());
		this.captain = volunteer("队长");
		this.accounts.grant(this.captain.id(), Role.CAPTAIN, this.team.id());
	}

	private Account volunteer(String name) {
		Account account = this.accounts.register(Clients.uniquePhone(), name, Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, this.communityId);
		this.teams.addMember(this.team.id(), account.id());
		return account;
	}

	private int pausesOf(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM streak_pause WHERE account_id = ?").param(accountId).query(Integer.class).single();
	}

	@Test
	void aPauseOutsideTheCalendarsYearsIsAUserErrorAndNothingIsStored() {
		Account member = volunteer("病号");
		for (String[] days : List.of(new String[] { "+999999999-12-01", "+999999999-12-02" },
				new String[] { "-99999-12-01", "-99999-12-02" })) {
			Clients.signedIn(this.port, this.captain.phone())
				.document("mutation($i: StreakPauseSetInput!) { streakPauseSet(input: $i) { pause { from } userErrors { code field } } }")
				.variable("i", Map.of("teamId", GlobalId.encode("Team", this.team.id()), "accountId",
						GlobalId.encode("Account", member.id()), "from", days[0], "until", days[1], "reason", "出差"))
				.execute()
				.path("streakPauseSet.pause").valueIsNull()
				.path("streakPauseSet.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DAY");
		}
		assertThat(pausesOf(member.id())).isZero();
	}

	@Test
	void whileRedisIsUnreachableTheProfileStillShowsPointsAndLevelWithoutRanks() {
		Account person = volunteer("无网");
		try (InstanceWithoutRedis instance = InstanceWithoutRedis.start(this.environment, "--spring.data.redis.timeout=300ms")) {
			Clients.signedIn(instance.port(), person.phone())
				.document("query($c: ID) { gamification(communityId: $c) { points level { number } streak { currentWeeks } ranks { rank } } }")
				.variable("c", GlobalId.encode("Community", this.communityId))
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAVAILABLE")
						.containsEntry("code", "LEADERBOARD_UNAVAILABLE");
				})
				.path("gamification.points").entity(Integer.class).isEqualTo(0)
				.path("gamification.level.number").entity(Integer.class).isEqualTo(1)
				.path("gamification.ranks").entityList(Object.class).hasSize(0);
		}
	}

	@Test
	void aCaptainOfAnotherTeamSeesAHiddenNameMaskedWhileTheVolunteersOwnCaptainSeesIt() {
		Account hider = volunteer("肖建国");
		Instant at = Instant.now().minusSeconds(3600);
		this.recognition.recognise(new PatrolFact(ATTENDANCE.incrementAndGet(), hider.id(), this.communityId, this.team.id(),
				List.of(), at, at, at.plusSeconds(1800), 30, 0, null, at.plusSeconds(1800)));
		Clients.signedIn(this.port, hider.phone())
			.document("mutation { leaderboardNameHide(input: {hidden: true}) { hidden } }")
			.execute()
			.path("leaderboardNameHide.hidden").entity(Boolean.class).isEqualTo(true);
		Team other = this.teams.create(this.communityId, "二队", List.of());
		Account otherCaptain = this.accounts.register(Clients.uniquePhone(), "别队长", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(otherCaptain.id(), Role.VOLUNTEER, this.communityId);
		this.teams.addMember(other.id(), otherCaptain.id());
		this.accounts.grant(otherCaptain.id(), Role.CAPTAIN, other.id());
		String board = "query($p: ID!) { leaderboard(subject: VOLUNTEERS, scope: COMMUNITY, placeId: $p, period: ALL_TIME) "
				+ "{ nodes { displayName nameMasked account { id } } } }";
		Clients.signedIn(this.port, otherCaptain.phone()).document(board).variable("p", GlobalId.encode("Community", this.communityId))
			.execute()
			.path("leaderboard.nodes[0].displayName").entity(String.class).isEqualTo("肖*国")
			.path("leaderboard.nodes[0].account").valueIsNull();
		Clients.signedIn(this.port, this.captain.phone()).document(board).variable("p", GlobalId.encode("Community", this.communityId))
			.execute()
			.path("leaderboard.nodes[0].displayName").entity(String.class).isEqualTo("肖建国");
	}

	@Test
	void anEarlyBirdBadgeForPatrolsBeforeMidnightCanNeverBeEarnedSoItIsRefused() {
		Account admin = volunteer("书记");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		Clients.signedIn(this.port, admin.phone())
			.document("mutation($i: BadgeCreateInput!) { badgeCreate(input: $i) { badge { key } userErrors { code field } } }")
			.variable("i", Map.of("communityId", GlobalId.encode("Community", this.communityId), "key", "night-owl", "nameZhCN",
					"夜猫子", "nameEn", "Night owl", "descriptionZhCN", "午夜前巡逻", "descriptionEn", "Patrols before midnight", "rule",
					Map.of("metric", "PATROLS_STARTING_BEFORE", "threshold", 1, "beforeTime", "00:00")))
			.execute()
			.path("badgeCreate.badge").valueIsNull()
			.path("badgeCreate.userErrors[0].code").entity(String.class).isEqualTo("BADGE_WINDOW_NOT_COMPUTABLE")
			.path("badgeCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "rule.beforeTime");
		assertThat(this.jdbc.sql("SELECT count(*) FROM badge WHERE community_id = ? AND key = 'night-owl'")
			.param(this.communityId).query(Integer.class).single()).isZero();
	}

	@Test
	void theCommunitysAdministratorSeesATeamsReviewQueueAndAnotherCommunitysDoesNot() {
		Account admin = volunteer("书记");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		long city = this.geography.createCity("邻城" + System.nanoTime());
		long elsewhere = this.geography.createCommunity(this.geography.createStreet(this.geography.createDistrict(city, "区"), "街道"),
				"别的社区", "Asia/Shanghai");
		Account stranger = this.accounts.register(Clients.uniquePhone(), "别的书记", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(stranger.id(), Role.ADMINISTRATOR, elsewhere);
		String queue = "query($t: ID!) { reviewFlags(teamId: $t) { totalCount } }";
		Clients.signedIn(this.port, admin.phone()).document(queue).variable("t", GlobalId.encode("Team", this.team.id()))
			.execute()
			.path("reviewFlags.totalCount").entity(Integer.class).isEqualTo(0);
		Clients.signedIn(this.port, stranger.phone()).document(queue).variable("t", GlobalId.encode("Team", this.team.id()))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("classification")).containsExactly("FORBIDDEN"));
	}

	@Test
	void administratorsSavingLevelsAtOnceEachGetTheirLadderNotAServerFault() throws Exception {
		Account admin = volunteer("书记");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		var client = Clients.signedIn(this.port, admin.phone());
		List<List<Integer>> outcomes = Bursts.race(12, i -> () -> client
			.document("mutation($i: LevelsSetInput!) { levelsSet(input: $i) { levels { number } userErrors { code } } }")
			.variable("i", Map.of("communityId", GlobalId.encode("Community", this.communityId), "levels",
					List.of(Map.of("threshold", 0, "nameZhCN", "新手", "nameEn", "Novice"),
							Map.of("threshold", 10 + i, "nameZhCN", "老手", "nameEn", "Old hand"))))
			.execute()
			.path("levelsSet.levels[*].number")
			.entityList(Integer.class)
			.get());
		assertThat(outcomes).allSatisfy(levels -> assertThat(levels).isEqualTo(List.of(1, 2)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM gamification_level WHERE community_id = ?")
			.param(this.communityId).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void theSeedBadgesACommunityCopiesAreNoNodeAndNoBadgeToChange() {
		long seed = this.jdbc.sql("SELECT min(id) FROM badge WHERE community_id IS NULL").query(Long.class).single();
		String id = GlobalId.encode("Badge", seed);
		Clients.anonymous(this.port)
			.document("query($id: ID!) { node(id: $id) { ... on Badge { key community { id } } } }")
			.variable("id", id)
			.execute()
			.path("node").valueIsNull();
		Account admin = volunteer("书记");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, this.communityId);
		Clients.signedIn(this.port, admin.phone())
			.document("mutation($i: BadgeUpdateInput!) { badgeUpdate(input: $i) { badge { key } } }")
			.variable("i", Map.of("badgeId", id, "active", false))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("classification"))
				.containsExactly("BAD_REQUEST"));
		assertThat(this.jdbc.sql("SELECT active FROM badge WHERE id = ?").param(seed).query(Boolean.class).single()).isTrue();
	}

}
