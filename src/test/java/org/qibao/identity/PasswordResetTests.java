package org.qibao.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captain or an administrator resets a member's password with a one-time code; the member uses
 * it once with their phone number and every earlier session of theirs ends.
 */
@QibaoTest
@RecordApplicationEvents
class PasswordResetTests {

	static final String ISSUE = """
			mutation($input: AccountResetCodeIssueInput!) {
			  accountResetCodeIssue(input: $input) { code expiresAt account { displayName } userErrors { code field } }
			}""";

	static final String USE = """
			mutation($input: AccountResetCodeUseInput!) {
			  accountResetCodeUse(input: $input) { token expiresAt account { displayName } userErrors { code field } }
			}""";

	static final String PASSWORD = "forgotten pw 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordResets resets;

	@Test
	void aCaptainsCodeLetsTheMemberSetANewPasswordOnceAndEndsTheirEarlierSessions() {
		Team team = Team.of(this);
		String oldToken = Clients.token(this.port, team.memberPhone(), PASSWORD);
		GraphQlTester.Response issued = issue(team.captainToken(), Map.of("account", id(team.member())));
		issued.path("accountResetCodeIssue.userErrors").entityList(Object.class).hasSize(0);
		issued.path("accountResetCodeIssue.account.displayName").entity(String.class).isEqualTo("重置的队员");
		String code = issued.path("accountResetCodeIssue.code").entity(String.class).get();
		assertThat(code).matches("[" + ResetCodes.ALPHABET + "]{8}");

		GraphQlTester.Response used = use(team.memberPhone(), code.substring(0, 4) + " " + code.substring(4).toLowerCase(),
				"brand new pw 2");
		used.path("accountResetCodeUse.userErrors").entityList(Object.class).hasSize(0);
		String newToken = used.path("accountResetCodeUse.token").entity(String.class).get();
		assertThat(status(newToken)).isEqualTo(200);
		assertThat(status(oldToken)).as("the session from before the reset").isEqualTo(401);
		assertThat(AcrossInstancesTests.outcome(this.port, team.memberPhone(), "brand new pw 2")).isEqualTo("SIGNED_IN");
		assertThat(AcrossInstancesTests.outcome(this.port, team.memberPhone(), PASSWORD)).isEqualTo("INVALID_CREDENTIALS");
		assertThat(refusal(use(team.memberPhone(), code, "another pw 33"))).as("the same code again")
			.isEqualTo("RESET_CODE_USED");
	}

	@Test
	void theCodeIsKeptOnlyAsAHash() {
		Team team = Team.of(this);
		String code = issue(team.captainToken(), Map.of("account", id(team.member())))
			.path("accountResetCodeIssue.code").entity(String.class).get();
		List<String> stored = this.jdbc.sql("SELECT code_hash FROM password_reset_code WHERE account_id = ?")
			.param(team.member()).query(String.class).list();
		assertThat(stored).hasSize(1).noneMatch(hash -> hash.contains(code));
	}

	@Test
	void aNewerCodeReplacesTheOlderOne() {
		Team team = Team.of(this);
		String first = code(team.captainToken(), team.member());
		String second = code(team.captainToken(), team.member());
		assertThat(refusal(use(team.memberPhone(), first, "brand new pw 2"))).isEqualTo("RESET_CODE_SUPERSEDED");
		assertThat(refusal(use(team.memberPhone(), second, "brand new pw 2"))).isNull();
	}

	@Test
	void aCodePastItsTimeIsRefusedAndChangesNothing() {
		Team team = Team.of(this);
		String code = code(team.captainToken(), team.member());
		this.jdbc.sql("""
				UPDATE password_reset_code SET issued_at = now() - interval '2 hours', expires_at = now() - interval '1 minute'
				WHERE account_id = ?""").param(team.member()).update();
		assertThat(refusal(use(team.memberPhone(), code, "brand new pw 2"))).isEqualTo("RESET_CODE_EXPIRED");
		assertThat(AcrossInstancesTests.outcome(this.port, team.memberPhone(), PASSWORD)).isEqualTo("SIGNED_IN");
	}

	@Test
	void guessingCodesIsLimitedPerPhoneNumber() {
		Team team = Team.of(this);
		String code = code(team.captainToken(), team.member());
		String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
		for (int i = 0; i < 5; i++) {
			assertThat(refusal(use(team.memberPhone(), wrong, "brand new pw 2"))).isEqualTo("RESET_CODE_INVALID");
		}
		assertThat(refusal(use(team.memberPhone(), code, "brand new pw 2"))).as("even the right code, once locked")
			.isEqualTo("TOO_MANY_RESET_CODE_ATTEMPTS");
	}

	@Test
	void aWeakNewPasswordIsRefusedAndTheCodeStillWorks() {
		Team team = Team.of(this);
		String code = code(team.captainToken(), team.member());
		assertThat(refusal(use(team.memberPhone(), code, "short"))).isEqualTo("WEAK_PASSWORD");
		assertThat(refusal(use(team.memberPhone(), code, "brand new pw 2"))).isNull();
	}

	@Test
	void aBurstOfUsesOfOneCodeSignsInOnce() throws Exception {
		Team team = Team.of(this);
		String code = code(team.captainToken(), team.member());
		List<String> outcomes = Bursts.race(12, i -> () -> {
			String refused = refusal(use(team.memberPhone(), code, "burst pw number " + i));
			return refused == null ? "SIGNED_IN" : refused;
		});
		assertThat(outcomes.stream().filter("SIGNED_IN"::equals).count()).isEqualTo(1);
		// the others found it used, or were held back by the guessing limit while the first ones were checked
		assertThat(Set.copyOf(outcomes)).isSubsetOf("SIGNED_IN", "RESET_CODE_USED", "TOO_MANY_RESET_CODE_ATTEMPTS");
		assertThat(this.jdbc.sql("SELECT count(*) FROM password_reset_code WHERE account_id = ? AND used_at IS NOT NULL")
			.param(team.member()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCaptainCannotResetSomeoneOutsideTheirTeam() {
		Team team = Team.of(this);
		Account stranger = this.accounts.register(Clients.uniquePhone(), "别队的人", PASSWORD, "zh-CN");
		assertThat(classification(issue(team.captainToken(), Map.of("account", id(stranger.id())))))
			.isEqualTo("FORBIDDEN");
		assertThat(codesOf(stranger.id())).isZero();
	}

	@Test
	void nobodyResetsTheirOwnPasswordThisWay() {
		Team team = Team.of(this);
		this.jdbc.sql("INSERT INTO team_member (team_id, account_id) VALUES (?, ?)").params(team.id(), team.captain()).update();
		GraphQlTester.Response refused = issue(team.captainToken(), Map.of("account", id(team.captain())));
		assertThat(refusal(refused, "accountResetCodeIssue")).isEqualTo("RESET_OWN_PASSWORD");
		assertThat(codesOf(team.captain())).isZero();
	}

	@Test
	void anAdministratorResetsAVolunteerOfTheirCommunityByPhoneNumberButNoOneElse() {
		Team team = Team.of(this);
		String administrator = Clients.token(this.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
		GraphQlTester.Response issued = issue(administrator, Map.of("phone", "+86 " + team.memberPhone()));
		issued.path("accountResetCodeIssue.userErrors").entityList(Object.class).hasSize(0);
		String code = issued.path("accountResetCodeIssue.code").entity(String.class).get();
		assertThat(refusal(use(team.memberPhone(), code, "brand new pw 2"))).isNull();

		Account outsider = this.accounts.register(Clients.uniquePhone(), "外社区的人", PASSWORD, "zh-CN");
		assertThat(classification(issue(administrator, Map.of("phone", outsider.phone())))).isEqualTo("FORBIDDEN");
		assertThat(refusal(issue(administrator, Map.of("phone", Clients.uniquePhone())), "accountResetCodeIssue"))
			.isEqualTo("RESET_PHONE_NOT_FOUND");
		assertThat(refusal(issue(administrator, Map.of()), "accountResetCodeIssue")).isEqualTo("INVALID_INPUT");
	}

	@Test
	void aVolunteerCannotResetAnyone() {
		Team team = Team.of(this);
		String volunteer = Clients.token(this.port, Clients.VOLUNTEER_PHONE, Clients.DEMO_PASSWORD);
		assertThat(classification(issue(volunteer, Map.of("account", id(team.member()))))).isEqualTo("FORBIDDEN");
		assertThat(classification(Clients.anonymous(this.port).document(ISSUE)
			.variable("input", Map.of("account", id(team.member()))).execute())).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void eachResetIsRecordedForTheAuditLogWithoutTheCode(ApplicationEvents events) {
		Team team = Team.of(this);
		Actor captain = new Actor(team.captain(), "队长", Set.of(new ScopedRole(Role.CAPTAIN, team.id())));
		PasswordResets.IssuedResetCode issued = this.resets.issue(captain, team.member());
		List<AdministrativeAction> actions = events.stream(AdministrativeAction.class).toList();
		assertThat(actions).singleElement().satisfies(action -> {
			assertThat(action.action()).isEqualTo("identity.accountResetCodeIssue");
			assertThat(action.actorAccountId()).isEqualTo(team.captain());
			assertThat(action.subjectType()).isEqualTo("Account");
			assertThat(action.subjectId()).isEqualTo(team.member());
			assertThat(action.communityId()).isEqualTo(team.community());
			assertThat(action.before().toString() + action.after()).doesNotContain(issued.code());
		});
	}

	private int status(String token) {
		return status(this.port, token);
	}

	static int status(int port, String token) {
		return Clients.http(port).post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private long codesOf(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM password_reset_code WHERE account_id = ?").param(accountId)
			.query(Long.class).single();
	}

	private String code(String token, long accountId) {
		return issue(token, Map.of("account", id(accountId))).path("accountResetCodeIssue.code").entity(String.class).get();
	}

	GraphQlTester.Response issue(String token, Map<String, Object> input) {
		return Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build()
			.document(ISSUE).variable("input", input).execute();
	}

	GraphQlTester.Response use(String phone, String code, String newPassword) {
		return Clients.anonymous(this.port).document(USE)
			.variable("input", Map.of("phone", phone, "code", code, "newPassword", newPassword)).execute();
	}

	static String refusal(GraphQlTester.Response response) {
		return refusal(response, "accountResetCodeUse");
	}

	static String refusal(GraphQlTester.Response response, String mutation) {
		List<String> codes = response.path(mutation + ".userErrors[*].code").entityList(String.class).get();
		return codes.isEmpty() ? null : codes.get(0);
	}

	static String classification(GraphQlTester.Response response) {
		List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
		response.errors().satisfy(errors::addAll);
		return errors.isEmpty() ? null : String.valueOf(errors.get(0).getExtensions().get("classification"));
	}

	static String id(long accountId) {
		return GlobalId.encode("Account", accountId);
	}

	/** A captain of a new team of the demo community, with one active member who volunteers there. */
	record Team(long id, long community, long captain, String captainToken, long member, String memberPhone) {

		static Team of(PasswordResetTests test) {
			return of(test.port, test.jdbc, test.accounts);
		}

		static Team of(int port, JdbcClient jdbc, Accounts accounts) {
			long community = jdbc.sql("SELECT community_id FROM team ORDER BY id LIMIT 1").query(Long.class).single();
			long team = jdbc.sql("INSERT INTO team (community_id, name) VALUES (?, ?) RETURNING id")
				.params(community, "重置测试队" + Clients.uniquePhone()).query(Long.class).single();
			String captainPhone = Clients.uniquePhone();
			Account captain = accounts.register(captainPhone, "重置的队长", PASSWORD, "zh-CN");
			accounts.grant(captain.id(), Role.CAPTAIN, team);
			String memberPhone = Clients.uniquePhone();
			Account member = accounts.register(memberPhone, "重置的队员", PASSWORD, "zh-CN");
			accounts.grant(member.id(), Role.VOLUNTEER, community);
			jdbc.sql("INSERT INTO team_member (team_id, account_id) VALUES (?, ?)").params(team, member.id()).update();
			return new Team(team, community, captain.id(), Clients.token(port, captainPhone, PASSWORD), member.id(),
					memberPhone);
		}

	}

}
