package org.qibao.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person sees and deletes their data, end to end through every module that keeps some: after
 * the deletion no table holds their name or phone number, their positions are gone, their case
 * report stays without their name, and the ledger still adds up.
 */
@QibaoTest
class AccountErasureTests {

	static final String DELETE = """
			mutation($input: AccountDeleteInput!) { accountDelete(input: $input) { deleted userErrors { code field } } }""";

	static final String MY_DATA = "{ myData { name count } }";

	static final String PASSWORD = "my own secret 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	TimeBank timeBank;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSeesTheirDataAndAfterDeletingItNoTableHoldsTheirNameOrPhone() {
		Person person = person();
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		Map<String, Integer> counts = new java.util.HashMap<>();
		client(token).document(MY_DATA).execute().path("myData").entityList(Map.class).get()
			.forEach(section -> counts.put((String) section.get("name"), (Integer) section.get("count")));
		assertThat(counts).containsEntry("account", 1).containsEntry("roles", 1).containsEntry("teamMemberships", 1)
			.containsEntry("patrolPositions", 3).containsEntry("caseReports", 1).containsEntry("passbookEntries", 1)
			.containsKeys("shiftSignups", "checkIns", "redemptions", "pointsEntries", "badges");
		String file = Clients.http(this.port).get().uri("/my-data.json").header("Authorization", "Bearer " + token)
			.exchange().expectStatus().isOk().returnResult(String.class).getResponseBody().blockLast();
		assertThat(file).contains(person.phone(), person.name(), "patrolPositions", "\"minutes\":90");
		Clients.http(this.port).get().uri("/my-data.json").exchange().expectStatus().isUnauthorized();

		client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()
			.path("accountDelete.userErrors").entityList(Object.class).hasSize(0)
			.path("accountDelete.deleted").entity(Boolean.class).isEqualTo(true);

		assertThat(tablesHolding(person.name())).as("tables holding the name").isEmpty();
		assertThat(tablesHolding(person.phone())).as("tables holding the phone number").isEmpty();
		assertThat(count("SELECT count(*) FROM patrol_track WHERE account_id = ?", person.id())).isZero();
		assertThat(count("SELECT count(*) FROM role_assignment WHERE account_id = ?", person.id())).isZero();
		assertThat(count("SELECT count(*) FROM team_member WHERE account_id = ? AND status <> 'LEFT'", person.id())).isZero();
		assertThat(count("SELECT count(*) FROM grid_case WHERE reporter_id = ? AND NOT anonymous", person.id())).isZero();
		assertThat(count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", person.id())).as("the report stays").isOne();
		assertThat(count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ?",
				person.id())).as("minutes left with nobody").isZero();
		assertThat(this.timeBank.checkInvariants().breaches()).isEmpty();
		assertThat(signIn(person.phone(), PASSWORD)).isEqualTo("INVALID_CREDENTIALS");
		assertThat(Clients.http(this.port).post().uri("/graphql").header("Authorization", "Bearer " + token)
			.bodyValue(Map.of("query", "{ me { id } }")).exchange().returnResult(String.class).getStatus().value())
			.as("their token").isEqualTo(401);

		Account again = this.accounts.register(person.phone(), "又回来了", PASSWORD, "zh-CN");
		assertThat(again.id()).as("the phone number can sign up again").isNotEqualTo(person.id());
	}

	@Test
	void theWrongPasswordErasesNothing() {
		Person person = person();
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		assertThat(refusal(client(token).document(DELETE).variable("input", Map.of("password", "not mine 22")).execute()))
			.isEqualTo("WRONG_PASSWORD");
		assertThat(count("SELECT count(*) FROM patrol_track WHERE account_id = ?", person.id())).isEqualTo(3);
		assertThat(signIn(person.phone(), PASSWORD)).isEqualTo("SIGNED_IN");
	}

	@Test
	void theLastAdministratorOfACommunityIsRefused() {
		Person person = person();
		this.accounts.grant(person.id(), Role.ADMINISTRATOR, 900_000_000L + person.id() % 1000);
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		assertThat(refusal(client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()))
			.isEqualTo("LAST_ADMINISTRATOR");
		assertThat(count("SELECT count(*) FROM role_assignment WHERE account_id = ?", person.id())).isEqualTo(2);
	}

	@Test
	void aPersonCheckedInToAPatrolIsRefused() {
		Person person = person();
		long shift = this.jdbc.sql("SELECT id FROM shift ORDER BY id LIMIT 1").query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO check_in (shift_id, account_id, checked_in_at, in_longitude, in_latitude, in_accuracy)
				VALUES (?, ?, now(), 114.35, 30.56, 10)""").params(shift, person.id()).update();
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		assertThat(refusal(client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()))
			.isEqualTo("OPEN_CHECK_IN");
		assertThat(signIn(person.phone(), PASSWORD)).isEqualTo("SIGNED_IN");
	}

	@Test
	void theirPlaceOnAComingShiftGoesToTheFirstOnTheWaitlist() {
		Person person = person();
		Account waiting = this.accounts.register(Clients.uniquePhone(), "候补的人", PASSWORD, "zh-CN");
		long team = this.jdbc.sql("SELECT team_id FROM team_member WHERE account_id = ?").param(person.id())
			.query(Long.class).single();
		long shift = this.jdbc.sql("""
				INSERT INTO shift (team_id, starts_at, ends_at, min_patrollers, max_patrollers)
				VALUES (?, now() + interval '2 days', now() + interval '2 days 2 hours', 1, 1) RETURNING id""")
			.param(team).query(Long.class).single();
		this.jdbc.sql("INSERT INTO shift_signup (shift_id, account_id, status) VALUES (?, ?, 'CONFIRMED'), (?, ?, 'WAITLISTED')")
			.params(shift, person.id(), shift, waiting.id()).update();
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()
			.path("accountDelete.deleted").entity(Boolean.class).isEqualTo(true);
		assertThat(this.jdbc.sql("SELECT account_id, status FROM shift_signup WHERE shift_id = ?")
			.param(shift).query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2)).list())
			.containsExactlyInAnyOrder(person.id() + ":CANCELLED", waiting.id() + ":CONFIRMED");
	}

	@Test
	void aDiscountCodeWaitingAtAShopIsRefused() {
		Person person = person();
		this.jdbc.sql("""
				INSERT INTO redemption (offer_id, merchant_id, community_id, volunteer_id, minutes, hold_id, token, short_code,
				                        idempotency_key, expires_at)
				SELECT o.id, o.merchant_id, m.community_id, ?, 10, ?, ?, ?, ?, now() + interval '10 minutes'
				FROM merchant_offer o JOIN merchant m ON m.id = o.merchant_id ORDER BY o.id LIMIT 1""")
			.params(person.id(), -person.id(), "erasure-test-token-" + person.id() + "-0123456789abcdef",
					String.format("E%05d", person.id() % 100_000), "erasure-" + person.id())
			.update();
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		assertThat(refusal(client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()))
			.isEqualTo("OPEN_REDEMPTION");
	}

	@Test
	void aReportStaysButGridWorkersNoLongerSeeWhoMadeIt() {
		Person person = person();
		long caseId = this.jdbc.sql("SELECT id FROM grid_case WHERE reporter_id = ?").param(person.id()).query(Long.class).single();
		String query = "{ node(id: \"" + org.qibao.shared.GlobalId.encode("Case", caseId)
				+ "\") { ... on Case { description reporter { displayName } } } }";
		GraphQlTester gridWorker = Clients.signedIn(this.port, "13900000002");
		gridWorker.document(query).execute().path("node.reporter.displayName").entity(String.class).isEqualTo(person.name());
		String token = Clients.token(this.port, person.phone(), PASSWORD);
		client(token).document(DELETE).variable("input", Map.of("password", PASSWORD)).execute()
			.path("accountDelete.deleted").entity(Boolean.class).isEqualTo(true);
		gridWorker.document(query).execute()
			.path("node.description").entity(String.class).isEqualTo("路灯坏了")
			.path("node.reporter").valueIsNull();
	}

	/** Every table and text column that holds the value somewhere, as {@code table.column}. */
	private List<String> tablesHolding(String value) {
		List<String> found = new ArrayList<>();
		this.jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach(column -> {
				long hits = this.jdbc.sql("SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE ?")
					.param("%" + value + "%").query(Long.class).single();
				if (hits > 0) {
					found.add(column[0] + "." + column[1]);
				}
			});
		return found;
	}

	/** A volunteer of Dongting in a team, with 90 minutes, three kept positions and a case report. */
	private Person person() {
		String phone = Clients.uniquePhone();
		String name = "删除测试" + phone.substring(7);
		Account account = this.accounts.register(phone, name, PASSWORD, "zh-CN");
		long dongting = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		this.accounts.grant(account.id(), Role.VOLUNTEER, dongting);
		long team = this.jdbc.sql("SELECT id FROM team WHERE community_id = ? ORDER BY id LIMIT 1").param(dongting)
			.query(Long.class).single();
		this.jdbc.sql("INSERT INTO team_member (team_id, account_id) VALUES (?, ?)").params(team, account.id()).update();
		this.timeBank.creditPatrol(new AttendanceVerified(System.nanoTime(), account.id(), dongting, 90,
				Instant.now().minusSeconds(3600), null));
		for (int i = 0; i < 3; i++) {
			this.jdbc.sql("""
					INSERT INTO patrol_track (check_in_id, account_id, community_id, recorded_at, longitude, latitude, accuracy, inside)
					VALUES (?, ?, ?, now() - make_interval(mins => ?), 114.35, 30.56, 10, true)""")
				.params(-account.id(), account.id(), dongting, i).update();
		}
		long category = category(dongting);
		long caseId = this.jdbc.sql("""
				INSERT INTO grid_case (community_id, category_id, reporter_id, report_key, description, longitude, latitude,
				                       anonymous, reported_at, received_at, stage, accept_due_at, resolve_within_minutes)
				VALUES (?, ?, ?, ?, '路灯坏了', 114.35, 30.56, false, now(), now(), 'REPORTED', now() + interval '1 hour', 1440)
				RETURNING id""")
			.params(dongting, category, account.id(), "key-" + account.id())
			.query(Long.class)
			.single();
		// a reported case always opens its timeline, as the reporting module writes it
		this.jdbc.sql("INSERT INTO case_event (case_id, kind, stage, actor_id, at) VALUES (?, 'REPORTED', 'REPORTED', ?, now())")
			.params(caseId, account.id())
			.update();
		return new Person(account.id(), phone, name);
	}

	/** A category in use, once the community has its categories (copied from the templates on first use, as the app does). */
	private long category(long community) {
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("query($c: ID!) { caseCategories(communityId: $c) { id } }")
			.variable("c", org.qibao.shared.GlobalId.encode("Community", community))
			.execute()
			.path("caseCategories").entityList(Object.class).hasSizeGreaterThan(0);
		return this.jdbc.sql("SELECT id FROM case_category WHERE community_id = ? AND retired_at IS NULL ORDER BY id LIMIT 1")
			.param(community).query(Long.class).single();
	}

	private long count(String sql, long accountId) {
		return this.jdbc.sql(sql).param(accountId).query(Long.class).single();
	}

	private String signIn(String phone, String password) {
		List<String> codes = Clients.anonymous(this.port).document("""
				mutation($input: AccountLoginInput!) { accountLogin(input: $input) { token userErrors { code } } }""")
			.variable("input", Map.of("phone", phone, "password", password)).execute()
			.path("accountLogin.userErrors[*].code").entityList(String.class).get();
		return codes.isEmpty() ? "SIGNED_IN" : codes.get(0);
	}

	private static String refusal(GraphQlTester.Response response) {
		List<String> codes = response.path("accountDelete.userErrors[*].code").entityList(String.class).get();
		return codes.isEmpty() ? null : codes.get(0);
	}

	private GraphQlTester client(String token) {
		return Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build();
	}

	record Person(long id, String phone, String name) {
	}

}
