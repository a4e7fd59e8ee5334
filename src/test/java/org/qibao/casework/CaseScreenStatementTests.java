package org.qibao.casework;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.QibaoTest;
import org.qibao.WebClientDocuments;
import org.qibao.casework.CaseFixtures.Neighbourhood;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.plainStep;

/**
 * The grid worker's two screens, the case board and the KPIs, sent as the web client sends them:
 * each costs the same few SQL statements whether the community holds ten cases or a hundred.
 */
@QibaoTest
@Import(CaseworkProbes.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseScreenStatementTests {

	/** The most statements the KPI screen may cost, whatever the number of cases. */
	private static final int MOST = 3;

	/**
	 * The most the board may cost: the grid worker's desk (once a request), and the page read with
	 * its count and its cards' fields (category, grid, photos, last event, reporters and event
	 * actors with their erasure).
	 */
	private static final int MOST_FOR_THE_BOARD = 3;

	private static final String BOARD = WebClientDocuments.operation("CaseBoard");

	private static final String KPIS = WebClientDocuments.operation("CaseKpisSixMonths");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CaseReporting reporting;

	@Autowired
	CaseCategories categories;

	private Desk ten;

	private Desk hundred;

	@BeforeAll
	void twoCommunities() {
		CaseFixtures fixtures = new CaseFixtures(this.context, this.port);
		this.ten = desk(fixtures, 10);
		this.hundred = desk(fixtures, 100);
	}

	@Test
	void theBoardCostsAsManyStatementsForAHundredCasesAsForTen() {
		assertThat(board(this.ten)).hasSize(10);
		assertThat(board(this.hundred)).hasSize(50);

		int forTen = statements(() -> assertThat(board(this.ten)).hasSize(10));
		List<String> sqlForTen = List.copyOf(CaseworkProbes.SQL);
		int forHundred = statements(() -> assertThat(board(this.hundred)).hasSize(50));

		assertThat(forHundred).as("statements for a board of 100 cases: %s", CaseworkProbes.SQL).isEqualTo(forTen);
		assertThat(forTen).as("statements for a board of 10 cases: %s", sqlForTen).isLessThanOrEqualTo(MOST_FOR_THE_BOARD);
	}

	@Test
	void theKpisOfSixMonthsCostAsManyStatementsForAHundredCasesAsForTenAndAtMostThree() {
		assertThat(kpis(this.ten).get("m5")).containsEntry("reported", 10);
		assertThat(kpis(this.hundred).get("m5")).containsEntry("reported", 100);

		int forTen = statements(() -> assertThat(kpis(this.ten)).hasSize(6));
		List<String> sqlForTen = List.copyOf(CaseworkProbes.SQL);
		int forHundred = statements(() -> assertThat(kpis(this.hundred)).hasSize(6));

		assertThat(forHundred).as("statements for the KPIs of 100 cases: %s", CaseworkProbes.SQL).isEqualTo(forTen);
		assertThat(forTen).as("statements for the KPIs of 10 cases: %s", sqlForTen).isLessThanOrEqualTo(MOST);
	}

	@Test
	void theKpisAnsweredTogetherAreStillRefusedToAVolunteerOfTheCommunity() {
		CaseFixtures fixtures = new CaseFixtures(this.context, this.port);
		Person volunteer = fixtures.of(this.ten.place(), "看数的志愿者", Role.VOLUNTEER);
		YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		var request = volunteer.client().document(KPIS).variable("communityId", this.ten.place().id()).variable("gridId", null);
		for (int m = 0; m < 6; m++) {
			request = request.variable("m" + m, now.minusMonths(5 - m).toString());
		}
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(6);
			assertThat(errors).allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
			assertThat(errors.toString()).doesNotContain("AccessDenied", "Exception", "SELECT");
		});
	}

	/**
	 * The screen's own statements, the fewer of two runs. The sign-in's standing is left out: it is
	 * identity's, read from PostgreSQL only while its copy kept through Redis is not listening (and
	 * then at any point of a request), whatever the screen.
	 */
	private static int statements(Runnable screen) {
		int fewest = Integer.MAX_VALUE;
		for (int run = 0; run < 2; run++) {
			CaseworkProbes.reset();
			screen.run();
			fewest = Math.min(fewest, (int) CaseworkProbes.SQL.stream().filter(sql -> !sql.contains("token_generation")).count());
		}
		return fewest;
	}

	private List<?> board(Desk desk) {
		return desk.gridWorker().client().document(BOARD).variable("communityId", desk.place().id())
			.variable("stage", null).variable("overdueOnly", null).execute()
			.path("caseBoard.nodes").entityList(Object.class).get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> kpis(Desk desk) {
		// as the web client asks: m5 is the month in progress, m0 five months before
		YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		var request = desk.gridWorker().client().document(KPIS).variable("communityId", desk.place().id())
			.variable("gridId", null);
		for (int m = 0; m < 6; m++) {
			request = request.variable("m" + m, now.minusMonths(5 - m).toString());
		}
		Map<String, Map<String, Object>> months = new HashMap<>();
		var response = request.execute();
		for (int m = 0; m < 6; m++) {
			months.put("m" + m, response.path("m" + m).entity(Map.class).get());
		}
		return months;
	}

	/**
	 * A community of its own with {@code cases} cases in its grid, reported by three volunteers, a
	 * fifth of them accepted and dispatched to its grid worker, every other one with a photo.
	 */
	private Desk desk(CaseFixtures fixtures, int cases) {
		Neighbourhood place = fixtures.neighbourhood();
		Person gridWorker = fixtures.of(place, "看板网格员", Role.GRID_WORKER);
		List<Person> reporters = List.of(fixtures.of(place, "甲", Role.VOLUNTEER), fixtures.of(place, "乙", Role.VOLUNTEER),
				fixtures.of(place, "丙", Role.VOLUNTEER));
		long category = this.categories.of(place.communityId(), false).stream()
			.filter(c -> c.serviceCode().equals("other")).findFirst().orElseThrow().id();
		List<Long> reported = new ArrayList<>();
		for (int i = 0; i < cases; i++) {
			Person reporter = reporters.get(i % reporters.size());
			List<String> photos = i % 2 == 0 ? List.of(fixtures.uploadedPhoto(reporter)) : List.of();
			reported.add(this.reporting.report(actor(reporter, place.communityId()), new CaseReport(UUID.randomUUID().toString(),
					category, "看板案件 " + i, new GeoPoint(114.3590, 30.5675), null, i % 3 == 0, photos)).id());
		}
		for (int i = 0; i < cases; i += 5) {
			Map<String, Object> c = caseOf(plainStep(gridWorker, "caseAccept",
					Map.of("id", org.qibao.shared.GlobalId.encode("Case", reported.get(i)), "version", 1), null));
			caseOf(CaseFixtures.step(gridWorker, "caseDispatch", "CaseDispatchInput",
					Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "handlerId", gridWorker.id())));
		}
		return new Desk(place, gridWorker);
	}

	private static Actor actor(Person person, long community) {
		return new Actor(person.account().id(), person.account().displayName(),
				Set.of(new ScopedRole(Role.VOLUNTEER, community)));
	}

	private record Desk(Neighbourhood place, Person gridWorker) {
	}

}
