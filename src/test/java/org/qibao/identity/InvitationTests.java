package org.qibao.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GlobalId;
import org.qibao.shared.RecordedAdministrativeActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captain, grid worker or administrator invites a resident by phone number; the resident
 * opens the invitation by its code without signing in, sets a password and is a volunteer of the
 * community and a member of the team at once. Every refusal changes nothing.
 */
@QibaoTest
@Import(RecordedAdministrativeActions.class)
class InvitationTests {

	static final String CREATE = """
			mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) {
			  code invitation { id phone displayName status community { name } team { name } }
			  userErrors { code field message } } }""";

	static final String ACCEPT = """
			mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) {
			  token expiresAt account { displayName roles { role scopeName } } userErrors { code field message } } }""";

	static final String OPEN = """
			query($code: String!) { invitationToJoin(code: $code) {
			  displayName maskedPhone inviterName communityName teamName status hasAccount expiresAt } }""";

	/** Wrong codes from this test machine's address are counted; each test starts with none. */
	private static final String WRONG_CODES = "throttle:invitation-code:*";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Accounts accounts;

	@Autowired
	RecordedAdministrativeActions actions;

	long community;

	long team;

	@BeforeEach
	void forgetWrongCodes() {
		this.redis.delete(this.redis.keys(WRONG_CODES));
		this.team = this.jdbc.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single();
		this.community = this.jdbc.sql("SELECT community_id FROM team WHERE id = ?").param(this.team).query(Long.class).single();
	}

	@AfterEach
	void forgetWrongCodesAgain() {
		this.redis.delete(this.redis.keys(WRONG_CODES));
	}

	@Test
	void aCaptainsInviteeJoinsTheCommunityAndTheTeamAndIsSignedIn() {
		String phone = Clients.uniquePhone();
		String typed = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);
		GraphQlTester.Response made = invite(captain(), this.team, typed, "黄慧兰");
		made.path("invitationCreate.userErrors").entityList(Object.class).hasSize(0);
		made.path("invitationCreate.invitation.phone").entity(String.class).isEqualTo(phone);
		made.path("invitationCreate.invitation.team.name").entity(String.class).isEqualTo("七宝巡逻队");
		String code = made.path("invitationCreate.code").entity(String.class).get();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");

		String typedCode = code.toLowerCase().substring(0, 4) + "-" + code.substring(4).toLowerCase();
		GraphQlTester.Response opened = anonymous().document(OPEN).variable("code", typedCode).execute();
		opened.path("invitationToJoin.displayName").entity(String.class).isEqualTo("黄慧兰");
		opened.path("invitationToJoin.maskedPhone").entity(String.class)
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		opened.path("invitationToJoin.inviterName").entity(String.class).isNotEqualTo("");
		opened.path("invitationToJoin.communityName").entity(String.class).isEqualTo("东亭社区");
		opened.path("invitationToJoin.teamName").entity(String.class).isEqualTo("七宝巡逻队");
		opened.path("invitationToJoin.status").entity(String.class).isEqualTo("PENDING");
		opened.path("invitationToJoin.hasAccount").entity(Boolean.class).isEqualTo(false);

		GraphQlTester.Response accepted = accept(typedCode, "xiaohuang-2026");
		accepted.path("invitationAccept.userErrors").entityList(Object.class).hasSize(0);
		accepted.path("invitationAccept.account.displayName").entity(String.class).isEqualTo("黄慧兰");
		accepted.path("invitationAccept.account.roles[*].role").entityList(String.class).containsExactly("VOLUNTEER");
		String token = accepted.path("invitationAccept.token").entity(String.class).get();
		Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build()
			.document("{ myTeams { name } }").execute()
			.path("myTeams[*].name").entityList(String.class).containsExactly("七宝巡逻队");

		long accountId = accountOf(phone);
		assertThat(this.jdbc.sql("SELECT status FROM team_member WHERE team_id = ? AND account_id = ?")
			.params(this.team, accountId).query(String.class).single()).isEqualTo("ACTIVE");
		long invitationId = invitationOf(phone);
		assertThat(this.actions.of("identity.invitationCreate", invitationId)).singleElement()
			.satisfies(a -> assertThat(a.communityId()).isEqualTo(this.community));
		assertThat(this.actions.of("identity.invitationAccept", invitationId)).singleElement()
			.satisfies(a -> assertThat(a.actorAccountId()).isEqualTo(accountId));
	}

	@Test
	void anInvitationIsUsedOnce() {
		String code = code(invite(administrator(), null, Clients.uniquePhone(), "单次"));
		accept(code, "first-time-2026").path("invitationAccept.userErrors").entityList(Object.class).hasSize(0);
		accept(code, "first-time-2026").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("INVITATION_USED");
		anonymous().document(OPEN).variable("code", code).execute()
			.path("invitationToJoin.status").entity(String.class).isEqualTo("ACCEPTED");
	}

	@Test
	void anExpiredInvitationIsRefusedAndOpensNoAccount() {
		String phone = Clients.uniquePhone();
		String code = code(invite(administrator(), null, phone, "过期"));
		this.jdbc.sql("UPDATE invitation SET created_at = created_at - interval '8 days', expires_at = expires_at - interval '8 days' WHERE phone = ?")
			.param(phone).update();
		accept(code, "too-late-2026").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("INVITATION_EXPIRED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE phone = ?").param(phone).query(Long.class).single())
			.isZero();
	}

	@Test
	void anUnknownCodeIsRefusedAndGuessingIsThrottled() {
		accept("ZZZZ-ZZZZ", "guessing-2026").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("INVITATION_NOT_FOUND");
		anonymous().document(OPEN).variable("code", "ZZZZZZZY").execute()
			.path("invitationToJoin").valueIsNull();
		// wrong-codes: 10 as configured; two are used above
		List<String> outcomes = java.util.stream.IntStream.range(0, 9)
			.mapToObj(i -> accept("ZZZZZZ" + "23456789".charAt(i % 8) + "X", "guessing-2026")
				.path("invitationAccept.userErrors[0].code").entity(String.class).get())
			.toList();
		assertThat(outcomes).containsOnly("INVITATION_NOT_FOUND", "TOO_MANY_WRONG_CODES");
		assertThat(outcomes.stream().filter("TOO_MANY_WRONG_CODES"::equals).count()).isEqualTo(1);
		String real = code(invite(administrator(), null, Clients.uniquePhone(), "限流"));
		accept(real, "throttled-2026").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("TOO_MANY_WRONG_CODES");
	}

	@Test
	void aWeakPasswordIsRefusedAndTheInvitationStaysOpen() {
		String phone = Clients.uniquePhone();
		String code = code(invite(administrator(), null, phone, "弱密码"));
		accept(code, "12345678").path("invitationAccept.userErrors[0]").entity(Map.class)
			.satisfies(e -> assertThat(e).containsEntry("code", "WEAK_PASSWORD")
				.containsEntry("field", List.of("input", "password")));
		accept(code, phone).path("invitationAccept.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
		accept(code, "strong-enough-2026").path("invitationAccept.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aPhoneWithAnAccountJoinsWithThatAccountsPasswordOnly() {
		String phone = Clients.uniquePhone();
		String code = code(invite(captain(), this.team, phone.substring(0, 3) + " " + phone.substring(3), "老用户"));
		this.accounts.register(phone, "老用户", "my-old-password", "zh-CN");
		anonymous().document(OPEN).variable("code", code).execute()
			.path("invitationToJoin.hasAccount").entity(Boolean.class).isEqualTo(true);
		accept(code, "a-brand-new-one").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("WRONG_PASSWORD");
		accept(code, "my-old-password").path("invitationAccept.account.roles[*].role").entityList(String.class)
			.containsExactly("VOLUNTEER");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM team_member WHERE account_id = ? AND status = 'ACTIVE'")
			.param(accountOf(phone)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void twoAcceptsOfOneCodeAtOnceOpenExactlyOneAccount() throws Exception {
		String phone = Clients.uniquePhone();
		String code = code(invite(captain(), this.team, phone, "同时"));
		List<String> outcomes = Bursts.race(6, i -> () -> {
			List<String> codes = accept(code, "at-the-same-time-" + i).path("invitationAccept.userErrors[*].code")
				.entityList(String.class).get();
			return codes.isEmpty() ? "JOINED" : codes.get(0);
		});
		assertThat(outcomes).containsOnly("JOINED", "INVITATION_USED");
		assertThat(outcomes.stream().filter("JOINED"::equals).count()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.actions.of("identity.invitationAccept", invitationOf(phone))).hasSize(1);
	}

	@Test
	void twoInvitationsOfOnePhoneAcceptedAtOnceOpenOneAccountAndNeitherIsAServerFault() throws Exception {
		String phone = Clients.uniquePhone();
		List<String> codes = List.of(code(invite(captain(), this.team, phone, "两份邀请")),
				code(invite(gridWorker(), this.team, phone, "两份邀请")));
		List<String> outcomes = Bursts.race(2, i -> () -> {
			var response = accept(codes.get(i), "one-and-the-same-2026");
			response.errors().satisfy(errors -> assertThat(errors).as("no server fault").isEmpty());
			List<String> refusals = response.path("invitationAccept.userErrors[*].code").entityList(String.class).get();
			return refusals.isEmpty() ? "JOINED" : refusals.get(0);
		});
		// the later one finds the account the earlier opened, and the same password lets it in too
		assertThat(outcomes).containsOnly("JOINED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void onlyThoseWithARightThereMayInvite() {
		String phone = Clients.uniquePhone();
		invite(volunteer(), this.team, phone, "无权").errors()
			.expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
		invite(captain(), null, phone, "无队").errors()
			.expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
		invite(gridWorker(), this.team, phone, "网格员邀请").path("invitationCreate.userErrors").entityList(Object.class)
			.hasSize(0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation WHERE phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void badInputIsRefusedOnItsField() {
		invite(captain(), this.team, "12-34", "号码太短").path("invitationCreate.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_PHONE");
		invite(captain(), this.team, Clients.uniquePhone(), "  ").path("invitationCreate.userErrors[0].code")
			.entity(String.class).isEqualTo("INVALID_INPUT");
		invite(captain(), this.team, Clients.uniquePhone(), "长".repeat(61)).path("invitationCreate.userErrors[0].code")
			.entity(String.class).isEqualTo("NAME_TOO_LONG");
	}

	@Test
	void theInviterListsAndRevokesTheirPendingInvitations() {
		HttpGraphQlTester captain = captain();
		String phone = Clients.uniquePhone();
		GraphQlTester.Response made = invite(captain, this.team, phone, "待撤回");
		String id = made.path("invitationCreate.invitation.id").entity(String.class).get();
		String code = code(made);
		String list = """
				{ invitationsSent(first: 100) { totalCount nodes { id phone status createdAt expiresAt team { name } }
				  edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""";
		captain.document(list).execute().path("invitationsSent.nodes[*].id").entityList(String.class).contains(id);
		volunteer().document("mutation($input: InvitationRevokeInput!) { invitationRevoke(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("invitationId", id)).execute().errors()
			.expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
		captain.document("""
				mutation($input: InvitationRevokeInput!) { invitationRevoke(input: $input) {
				  invitation { status } userErrors { code } } }""")
			.variable("input", Map.of("invitationId", id)).execute()
			.path("invitationRevoke.invitation.status").entity(String.class).isEqualTo("REVOKED");
		captain.document(list).execute().path("invitationsSent.nodes[*].id").entityList(String.class).doesNotContain(id);
		accept(code, "after-revoke-2026").path("invitationAccept.userErrors[0].code").entity(String.class)
			.isEqualTo("INVITATION_REVOKED");
		assertThat(this.actions.of("identity.invitationRevoke", GlobalId.keyOf(id, "Invitation"))).singleElement()
			.satisfies(a -> assertThat(a.after()).containsEntry("status", "REVOKED"));
		captain.document("query($id: ID!) { node(id: $id) { ... on Invitation { status } } }").variable("id", id)
			.execute().path("node.status").entity(String.class).isEqualTo("REVOKED");
	}

	private GraphQlTester.Response invite(HttpGraphQlTester inviter, Long teamId, String phone, String name) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("communityId",
				GlobalId.encode("Community", this.community), "phone", phone, "displayName", name));
		if (teamId != null) {
			input.put("teamId", GlobalId.encode("Team", teamId));
		}
		return inviter.document(CREATE).variable("input", input).execute();
	}

	private GraphQlTester.Response accept(String code, String password) {
		return anonymous().document(ACCEPT).variable("input", Map.of("code", code, "password", password)).execute();
	}

	private static String code(GraphQlTester.Response made) {
		return made.path("invitationCreate.code").entity(String.class).get();
	}

	private long accountOf(String phone) {
		return this.jdbc.sql("SELECT id FROM account WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private long invitationOf(String phone) {
		return this.jdbc.sql("SELECT id FROM invitation WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private HttpGraphQlTester anonymous() {
		return Clients.anonymous(this.port);
	}

	private HttpGraphQlTester captain() {
		return Clients.signedIn(this.port, Clients.CAPTAIN_PHONE);
	}

	private HttpGraphQlTester administrator() {
		return Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE);
	}

	private HttpGraphQlTester volunteer() {
		return Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE);
	}

	private HttpGraphQlTester gridWorker() {
		return Clients.signedIn(this.port, "13900000002");
	}

}
