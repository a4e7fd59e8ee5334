package org.qibao.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community's statistics for March 2026, from a month whose every figure is known
 * ({@link StatisticsFixture}): the totals, each week (in the community's time zone, UTC+8),
 * each team and merchant, a grid's share, the refusals and the CSV export.
 */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTests {

	static final String QUERY = """
			query($c: ID!, $m: Month!, $g: ID) { communityStatistics(communityId: $c, month: $m, gridId: $g) {
			  month grid { code } verifiedPatrolMinutes activeVolunteers shiftsAtRisk noShows
			  minutesEarned minutesSpentAtSchool minutesSpentAtMerchants minutesGiven
			  weeks { weekStart verifiedPatrolMinutes activeVolunteers shiftsAtRisk noShows minutesEarned
			          minutesSpentAtSchool minutesSpentAtMerchants minutesGiven }
			  teams { team { name } verifiedPatrolMinutes weeklyVerifiedPatrolMinutes }
			  merchants { merchant { name } redemptions minutes } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Geography geography;

	StatisticsFixture fixture;

	HttpGraphQlTester administrator;

	@BeforeAll
	void aKnownMonth() {
		this.fixture = new StatisticsFixture(this.context);
		this.administrator = Clients.signedIn(this.port, this.fixture.administratorPhone, StatisticsFixture.PASSWORD);
	}

	@Test
	void theMonthsFiguresAreTheSumsOfItsPatrolLedgerAndRedemptions() {
		Map<String, Object> march = statistics("2026-03", null);

		assertThat(march).containsEntry("month", "2026-03").containsEntry("grid", null)
			.containsEntry("verifiedPatrolMinutes", 245).containsEntry("activeVolunteers", 2)
			.containsEntry("shiftsAtRisk", 2).containsEntry("noShows", 1)
			.containsEntry("minutesEarned", 180).containsEntry("minutesSpentAtSchool", 0)
			.containsEntry("minutesSpentAtMerchants", 25).containsEntry("minutesGiven", 10);
		assertThat(column(march, "weekStart"))
			.containsExactly("2026-03-01", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30");
		assertThat(column(march, "verifiedPatrolMinutes")).containsExactly(20, 90, 135, 0, 0, 0);
		assertThat(column(march, "activeVolunteers")).containsExactly(1, 1, 2, 0, 0, 0);
		assertThat(column(march, "shiftsAtRisk")).containsExactly(0, 1, 1, 0, 0, 0);
		assertThat(column(march, "noShows")).containsExactly(0, 0, 1, 0, 0, 0);
		assertThat(column(march, "minutesEarned")).containsExactly(0, 120, 60, 0, 0, 0);
		assertThat(column(march, "minutesSpentAtSchool")).containsExactly(0, 0, 30, -30, 0, 0);
		assertThat(column(march, "minutesSpentAtMerchants")).containsExactly(0, 0, 0, 25, 0, 0);
		assertThat(column(march, "minutesGiven")).containsExactly(0, 0, 0, 0, 0, 10);
		assertThat(march.get("teams")).isEqualTo(List.of(
				Map.of("team", Map.of("name", "步行队"), "verifiedPatrolMinutes", 180,
						"weeklyVerifiedPatrolMinutes", List.of(0, 90, 90, 0, 0, 0)),
				Map.of("team", Map.of("name", "灯笼队"), "verifiedPatrolMinutes", 65,
						"weeklyVerifiedPatrolMinutes", List.of(20, 0, 45, 0, 0, 0))));
		assertThat(march.get("merchants")).isEqualTo(List.of(
				Map.of("merchant", Map.of("name", StatisticsFixture.FORMULA_NAME), "redemptions", 2, "minutes", 40),
				Map.of("merchant", Map.of("name", "二号便利店"), "redemptions", 1, "minutes", 12)));
	}

	@Test
	void whatHappensAfterMidnightOnTheLastDayCountsInTheNextMonthOfTheCommunitysTimeZone() {
		Map<String, Object> april = statistics("2026-04", null);

		assertThat(april).containsEntry("verifiedPatrolMinutes", 1000).containsEntry("activeVolunteers", 1)
			.containsEntry("minutesGiven", 5).containsEntry("minutesEarned", 0);
		assertThat(column(april, "weekStart")).containsExactly("2026-04-01", "2026-04-06", "2026-04-13", "2026-04-20",
				"2026-04-27");
		assertThat(column(april, "verifiedPatrolMinutes")).containsExactly(1000, 0, 0, 0, 0);
		assertThat(april.get("merchants")).asList().first()
			.isEqualTo(Map.of("merchant", Map.of("name", StatisticsFixture.FORMULA_NAME), "redemptions", 1, "minutes", 40));
		Map<String, Object> february = statistics("2026-02", null);
		assertThat(february).containsEntry("verifiedPatrolMinutes", 0).containsEntry("shiftsAtRisk", 0);
	}

	@Test
	void aGridsFiguresAreItsShiftsAndItsShopsWhileTheLedgerStaysTheCommunitys() {
		Map<String, Object> g1 = statistics("2026-03", GlobalId.encode("Grid", this.fixture.g1.id()));
		Map<String, Object> g2 = statistics("2026-03", GlobalId.encode("Grid", this.fixture.g2.id()));

		assertThat(g1).containsEntry("grid", Map.of("code", "G1")).containsEntry("verifiedPatrolMinutes", 180)
			.containsEntry("activeVolunteers", 2).containsEntry("shiftsAtRisk", 1).containsEntry("noShows", 0)
			.containsEntry("minutesEarned", 180);
		assertThat(column(g1, "activeVolunteers")).containsExactly(0, 1, 2, 0, 0, 0);
		assertThat(g1.get("teams")).asList().extracting("team").containsExactly(Map.of("name", "步行队"));
		assertThat(g1.get("merchants")).asList().extracting("merchant")
			.containsExactly(Map.of("name", StatisticsFixture.FORMULA_NAME));
		assertThat(g2).containsEntry("verifiedPatrolMinutes", 65).containsEntry("activeVolunteers", 2)
			.containsEntry("shiftsAtRisk", 1).containsEntry("noShows", 1);
		assertThat(g2.get("merchants")).asList().extracting("merchant").containsExactly(Map.of("name", "二号便利店"));
	}

	@Test
	void onlyTheCommunitysAdministratorsSeeItsStatistics() {
		String dongtingGrid = GlobalId.encode("Grid", this.geography.gridAt(new GeoPoint(114.353, 30.567)).orElseThrow().id());
		assertClassification(Clients.signedIn(this.port, this.fixture.volunteerPhone, StatisticsFixture.PASSWORD), null,
				"FORBIDDEN");
		assertClassification(Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE), null, "FORBIDDEN");
		assertClassification(this.administrator, dongtingGrid, "FORBIDDEN");
		assertClassification(Clients.anonymous(this.port), null, "UNAUTHORIZED");
	}

	@Test
	void aMonthThatIsNoMonthIsRefusedAsABadRequest() {
		this.administrator.document(QUERY).variable("c", this.fixture.communityId()).variable("m", "2026-13").execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void theMonthExportsAsOneCsvWithFormulasDefused() {
		String token = Clients.token(this.port, this.fixture.administratorPhone, StatisticsFixture.PASSWORD);
		String uri = "/statistics.csv?communityId=" + this.fixture.communityId() + "&month=2026-03";
		byte[] body = Clients.http(this.port).get().uri(uri).header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/csv")
			.expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment")
				.contains("statistics-2026-03.csv"))
			.expectBody().returnResult().getResponseBody();
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFfigure,period,subject,value\r\n");
		assertThat(csv.lines()).contains("verified_patrol_minutes,2026-03-09,\"\",135",
				"verified_patrol_minutes,2026-03,\"\",245", "minutes_spent_at_school,2026-03-16,\"\",-30",
				"team_verified_patrol_minutes,2026-03-01,\"灯笼队\",20",
				"merchant_redemptions,2026-03,\"'=HYPERLINK(\"\"x\"\")理发\",2",
				"merchant_redemption_minutes,2026-03,\"二号便利店\",12");
		assertThat(csv.lines()).hasSize(1 + 6 * 8 + 8 + 2 * 6 + 2 * 2);
		String volunteer = Clients.token(this.port, this.fixture.volunteerPhone, StatisticsFixture.PASSWORD);
		Clients.http(this.port).get().uri(uri).header("Authorization", "Bearer " + volunteer).exchange()
			.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
		Clients.http(this.port).get().uri(uri).exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		Clients.http(this.port).get().uri(uri.replace("2026-03", "2026-3")).header("Authorization", "Bearer " + token)
			.exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> statistics(String month, String gridId) {
		return this.administrator.document(QUERY)
			.variable("c", this.fixture.communityId())
			.variable("m", month)
			.variable("g", gridId)
			.execute()
			.path("communityStatistics")
			.entity(Map.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> column(Map<String, Object> statistics, String field) {
		return ((List<Map<String, Object>>) statistics.get("weeks")).stream().map(week -> week.get(field)).toList();
	}

	private void assertClassification(GraphQlTester client, String gridId, String classification) {
		client.document(QUERY).variable("c", this.fixture.communityId()).variable("m", "2026-03").variable("g", gridId)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", classification));
	}

}
